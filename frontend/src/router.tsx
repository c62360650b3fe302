import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { useMe } from './auth/authContext';
import { homePath, startsOnMijnWeek, type Area } from './auth/roles';
import { AppLayout } from './components/AppLayout';
import { RequireArea, RequireAuth } from './components/RequireAuth';
import { LoadingState, NotFound } from './components/states';
import StartPage from './pages/StartPage';

/** A page loaded on first visit (its own chunk), shown only to roles that may read its area. */
function page(area: Area, load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const { default: Page } = await load();
      return {
        Component: () => (
          <RequireArea area={area}>
            <Page />
          </RequireArea>
        ),
      };
    },
  };
}

/** A consulent's start page, in its own chunk (the others never load it). */
const MijnWeekPage = lazy(() => import('./pages/schoolcontacten/MijnWeekPage'));

/**
 * Who has no start page (the platformbeheerder: no SWV content) is sent to their first area; a
 * consulent starts on her week, the others on the start page.
 */
function Home() {
  const me = useMe();
  const home = homePath(me);
  if (home !== '/') return <Navigate to={home} replace />;
  return startsOnMijnWeek(me) ? <MijnWeekPage /> : <StartPage />;
}
export const routes: RouteObject[] = [
  {
    path: '/aanmelden',
    lazy: async () => ({ Component: (await import('./auth/LoginPage')).default }),
    HydrateFallback: LoadingState,
  },
  // For participants without an account: outside the signed-in layout, never asking to sign in.
  {
    path: '/inschrijven/:publicId',
    lazy: async () => ({ Component: (await import('./pages/publiek/InschrijvenPage')).default }),
    HydrateFallback: LoadingState,
  },
  {
    path: '/wachtwoord-vergeten',
    lazy: async () => ({ Component: (await import('./auth/WachtwoordVergetenPage')).default }),
    HydrateFallback: LoadingState,
  },
  // The link in an invitation or a reset mail: no account is signed in to open it.
  {
    path: '/wachtwoord-instellen/:token',
    lazy: async () => ({ Component: (await import('./auth/WachtwoordInstellenPage')).default }),
    HydrateFallback: LoadingState,
  },
  {
    path: '/afmelden/:token',
    lazy: async () => ({ Component: (await import('./pages/publiek/AfmeldenPage')).default }),
    HydrateFallback: LoadingState,
  },
  // The QR code at the door of a meeting: a participant checks herself in on her phone.
  {
    path: '/incheck/:code',
    lazy: async () => ({ Component: (await import('./pages/publiek/IncheckenPage')).default }),
    HydrateFallback: LoadingState,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    HydrateFallback: LoadingState,
    children: [
      { index: true, element: <Home /> },
      // The start page of the others, for a consulent (whose start is her week).
      { path: 'overzicht', ...page('overzicht', () => Promise.resolve({ default: StartPage })) },
      {
        path: 'schoolcontacten',
        ...page('schoolcontacten', () => import('./pages/schoolcontacten/ContactenPage')),
      },
      {
        path: 'schoolcontacten/overzicht',
        ...page('schoolcontactOverzicht', () => import('./pages/schoolcontacten/OverzichtPage')),
      },
      {
        path: 'schoolcontacten/:id',
        ...page('schoolcontacten', () => import('./pages/schoolcontacten/ContactFormPage')),
      },
      { path: 'scholen', ...page('scholen', () => import('./pages/scholen/ScholenPage')) },
      { path: 'scholen/:id', ...page('scholen', () => import('./pages/scholen/SchoolPage')) },
      { path: 'schoolbesturen', ...page('schoolbesturen', () => import('./pages/schoolbesturen/SchoolbesturenPage')) },
      {
        path: 'schoolbesturen/:id',
        ...page('schoolbesturen', () => import('./pages/schoolbesturen/SchoolbestuurPage')),
      },
      { path: 'werkgebieden', ...page('werkgebieden', () => import('./pages/werkgebieden/WerkgebiedenPage')) },
      { path: 'werkgebieden/:id', ...page('werkgebieden', () => import('./pages/werkgebieden/WerkgebiedPage')) },
      { path: 'monitor', ...page('monitor', () => import('./pages/monitor/MonitorPage')) },
      {
        path: 'monitor/schoolbesturen',
        ...page('bestuursmonitor', () => import('./pages/monitor/BestuursmonitorPage')),
      },
      { path: 'gemeenten', ...page('gemeenten', () => import('./pages/gemeenten/GemeentenPage')) },
      { path: 'gemeenten/:id', ...page('gemeenten', () => import('./pages/gemeenten/GemeentePage')) },
      { path: 'gebruikers', ...page('gebruikers', () => import('./pages/gebruikers/GebruikersPage')) },
      { path: 'gebruikers/:id', ...page('gebruikers', () => import('./pages/gebruikers/GebruikerPage')) },
      { path: 'clients', ...page('clients', () => import('./pages/clients/ClientsPage')) },
      { path: 'clients/:id', ...page('clients', () => import('./pages/clients/ClientPage')) },
      {
        path: 'samenwerkingsverbanden',
        ...page('samenwerkingsverbanden', () => import('./pages/samenwerkingsverbanden/SamenwerkingsverbandenPage')),
      },
      {
        path: 'samenwerkingsverbanden/:id',
        ...page('samenwerkingsverbanden', () => import('./pages/samenwerkingsverbanden/SamenwerkingsverbandPage')),
      },
      {
        path: 'ondersteuningsplannen',
        ...page('ondersteuningsplannen', () => import('./pages/planning/OndersteuningsplannenPage')),
      },
      {
        path: 'ondersteuningsplannen/:id',
        ...page('ondersteuningsplannen', () => import('./pages/planning/OndersteuningsplanPage')),
      },
      { path: 'ambities/:id', ...page('ondersteuningsplannen', () => import('./pages/planning/AmbitiePage')) },
      {
        path: 'activiteitenplannen',
        ...page('activiteitenplannen', () => import('./pages/planning/ActiviteitenplannenPage')),
      },
      {
        path: 'activiteitenplannen/nieuw',
        ...page('activiteitenplannen', () => import('./pages/planning/ActiviteitenplanFormPage')),
      },
      {
        path: 'activiteitenplannen/:id',
        ...page('activiteitenplannen', () => import('./pages/planning/ActiviteitenplanPage')),
      },
      {
        path: 'activiteitenplannen/:id/bewerken',
        ...page('activiteitenplannen', () => import('./pages/planning/ActiviteitenplanFormPage')),
      },
      { path: 'activiteiten/:id', ...page('activiteitenplannen', () => import('./pages/planning/ActiviteitPage')) },
      { path: 'evalueren', ...page('evaluatie', () => import('./pages/planning/EvaluatiePage')) },
      { path: 'portefeuilles', ...page('portefeuilles', () => import('./pages/planning/PortefeuillesPage')) },
      {
        path: 'portefeuilles/nieuw',
        ...page('portefeuilles', () => import('./pages/planning/PortefeuilleFormPage')),
      },
      { path: 'portefeuilles/:id', ...page('portefeuilles', () => import('./pages/planning/PortefeuillePage')) },
      {
        path: 'portefeuilles/:id/bewerken',
        ...page('portefeuilles', () => import('./pages/planning/PortefeuilleFormPage')),
      },
      { path: 'projecten', ...page('projecten', () => import('./pages/planning/ProjectenPage')) },
      { path: 'projecten/nieuw', ...page('projecten', () => import('./pages/planning/ProjectFormPage')) },
      { path: 'projecten/:id', ...page('projecten', () => import('./pages/planning/ProjectPage')) },
      { path: 'projecten/:id/bewerken', ...page('projecten', () => import('./pages/planning/ProjectFormPage')) },
      { path: 'bijeenkomsten', ...page('bijeenkomsten', () => import('./pages/bijeenkomsten/BijeenkomstenPage')) },
      {
        path: 'bijeenkomsten/nieuw',
        ...page('bijeenkomsten', () => import('./pages/bijeenkomsten/BijeenkomstFormPage')),
      },
      {
        path: 'bijeenkomsten/statistieken',
        ...page('bijeenkomstStatistieken', () => import('./pages/bijeenkomsten/StatistiekenPage')),
      },
      { path: 'bijeenkomsten/:id', ...page('bijeenkomsten', () => import('./pages/bijeenkomsten/BijeenkomstPage')) },
      {
        path: 'bijeenkomsten/:id/bewerken',
        ...page('bijeenkomsten', () => import('./pages/bijeenkomsten/BijeenkomstFormPage')),
      },
      {
        path: 'bijeenkomsten/:id/presentie',
        ...page('bijeenkomsten', () => import('./pages/bijeenkomsten/PresentiePage')),
      },
      { path: 'leerlingen', ...page('leerlingen', () => import('./pages/leerlingen/LeerlingenPage')) },
      { path: 'leerlingen/nieuw', ...page('leerlingen', () => import('./pages/leerlingen/LeerlingFormPage')) },
      { path: 'leerlingen/:id', ...page('leerlingen', () => import('./pages/leerlingen/LeerlingPage')) },
      {
        path: 'leerlingen/:id/bewerken',
        ...page('leerlingen', () => import('./pages/leerlingen/LeerlingFormPage')),
      },
      {
        path: 'arrangementen',
        ...page('arrangementen', () => import('./pages/arrangementen/ArrangementenPage')),
      },
      {
        path: 'arrangementen/statistieken',
        ...page('arrangementStatistieken', () => import('./pages/arrangementen/StatistiekenPage')),
      },
      {
        path: 'arrangementen/:id',
        ...page('arrangementen', () => import('./pages/arrangementen/ArrangementFormPage')),
      },
      { path: 'kengetallen', ...page('kengetallen', () => import('./pages/kengetallen/KengetallenPage')) },
      { path: 'kengetallen/:id', ...page('kengetallen', () => import('./pages/kengetallen/KengetalFormPage')) },
      { path: 'budget', ...page('budget', () => import('./pages/budget/BudgetPage')) },
      { path: 'budget/budgetten', ...page('budgetten', () => import('./pages/budget/BudgettenPage')) },
      { path: 'budget/budgetten/:id', ...page('budgetten', () => import('./pages/budget/BudgetFormPage')) },
      { path: 'mdos', ...page('mdos', () => import('./pages/mdos/MdosPage')) },
      { path: 'mdos/statistieken', ...page('mdoStatistieken', () => import('./pages/mdos/MdoStatistiekenPage')) },
      { path: 'mdos/:id', ...page('mdos', () => import('./pages/mdos/MdoFormPage')) },
      { path: 'tlv', ...page('tlvs', () => import('./pages/tlv/TlvsPage')) },
      { path: 'tlv/werkvoorraad', ...page('tlvWerkvoorraad', () => import('./pages/tlv/WerkvoorraadPage')) },
      { path: 'tlv/statistieken', ...page('tlvStatistieken', () => import('./pages/tlv/StatistiekenPage')) },
      { path: 'tlv/nieuw', ...page('tlvs', () => import('./pages/tlv/TlvFormPage')) },
      { path: 'tlv/:id', ...page('tlvs', () => import('./pages/tlv/TlvPage')) },
      { path: 'tlv/:id/bewerken', ...page('tlvs', () => import('./pages/tlv/TlvFormPage')) },
      { path: 'thuiszitters', ...page('thuiszitters', () => import('./pages/thuiszitters/ThuiszittersPage')) },
      {
        path: 'thuiszitters/peildata',
        ...page('thuiszitterPeildata', () => import('./pages/thuiszitters/PeildataPage')),
      },
      {
        path: 'thuiszitters/vervolg',
        ...page('thuiszitterVervolg', () => import('./pages/thuiszitters/VervolgPage')),
      },
      {
        path: 'thuiszitters/statistieken',
        ...page('thuiszitterStatistieken', () => import('./pages/thuiszitters/StatistiekenPage')),
      },
      { path: 'thuiszitters/nieuw', ...page('thuiszitters', () => import('./pages/thuiszitters/ThuiszitterFormPage')) },
      { path: 'thuiszitters/:id', ...page('thuiszitters', () => import('./pages/thuiszitters/ThuiszitterPage')) },
      {
        path: 'thuiszitters/:id/bewerken',
        ...page('thuiszitters', () => import('./pages/thuiszitters/ThuiszitterFormPage')),
      },
      { path: 'auditregels', ...page('auditregels', () => import('./pages/auditregels/AuditregelsPage')) },
      { path: 'mails', ...page('mails', () => import('./pages/mails/MailsPage')) },
      // Every signed-in user's own name and password.
      { path: 'profiel', lazy: async () => ({ Component: (await import('./pages/profiel/ProfielPage')).default }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
