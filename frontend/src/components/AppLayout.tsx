import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBackpack,
  IconBriefcase,
  IconCalendarEvent,
  IconChartBar,
  IconChartDonut,
  IconChartLine,
  IconBuildingCommunity,
  IconPuzzle,
  IconFileCertificate,
  IconInbox,
  IconChartPie,
  IconUsersGroup,
  IconPresentationAnalytics,
  IconChecklist,
  IconFileAnalytics,
  IconFileText,
  IconListDetails,
  IconTimeline,
  IconBuildingEstate,
  IconCalendarStats,
  IconChartHistogram,
  IconHome,
  IconLayoutDashboard,
  IconMessages,
  IconTable,
  IconHomeExclamation,
  IconRoute,
  IconKey,
  IconLogout,
  IconMail,
  IconUserCircle,
  IconMap2,
  IconMapPin,
  IconSchool,
  IconShieldSearch,
  IconReportAnalytics,
  IconTargetArrow,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { Fragment, Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useAuth, useMe } from '../auth/authContext';
import {
  AREA_LINK_NAMES,
  AREA_PATHS,
  areaLabel,
  ARRANGEMENT_AREAS,
  areasFor,
  BEHEER_AREAS,
  BIJEENKOMST_AREAS,
  canRead,
  LEERLING_AREAS,
  LEERLINGCIJFER_AREAS,
  MONITOR_AREAS,
  PLANNING_AREAS,
  SCHOOLCONTACT_AREAS,
  THUISZITTER_AREAS,
  TLV_AREAS,
  type Area,
  type Caller,
} from '../auth/roles';
import { ROL_LABELS } from '../lib/labels';
import { Logo } from './Logo';
import { LoadingState } from './states';

const ICONS: Record<Area, Icon> = {
  start: IconHome,
  overzicht: IconLayoutDashboard,
  schoolcontacten: IconMessages,
  schoolcontactOverzicht: IconTable,
  samenwerkingsverbanden: IconBuildingCommunity,
  scholen: IconSchool,
  schoolbesturen: IconBuildingEstate,
  werkgebieden: IconMap2,
  gemeenten: IconMapPin,
  gebruikers: IconUsers,
  clients: IconKey,
  ondersteuningsplannen: IconFileText,
  activiteitenplannen: IconListDetails,
  evaluatie: IconChecklist,
  portefeuilles: IconBriefcase,
  projecten: IconTimeline,
  bijeenkomsten: IconCalendarEvent,
  bijeenkomstStatistieken: IconChartBar,
  leerlingen: IconBackpack,
  arrangementen: IconPuzzle,
  arrangementStatistieken: IconChartDonut,
  budget: IconChartLine,
  budgetten: IconChartLine,
  mdos: IconUsersGroup,
  mdoStatistieken: IconPresentationAnalytics,
  tlvs: IconFileCertificate,
  tlvWerkvoorraad: IconInbox,
  tlvStatistieken: IconChartPie,
  thuiszitters: IconHomeExclamation,
  thuiszitterPeildata: IconCalendarStats,
  thuiszitterVervolg: IconRoute,
  thuiszitterStatistieken: IconChartHistogram,
  auditregels: IconShieldSearch,
  mails: IconMail,
  monitor: IconReportAnalytics,
  bestuursmonitor: IconFileAnalytics,
  kengetallen: IconTargetArrow,
};

/** The heading above a group of areas in the navigation. */
function sectionOf(me: Caller, area: Area): string | null {
  // One heading over the four figures rather than four headings over one each (a lezer's menu).
  if (LEERLINGCIJFER_AREAS.includes(area) && !canRead(me, 'leerlingen')) return 'Leerlingcijfers';
  if (SCHOOLCONTACT_AREAS.includes(area)) return 'Schoolcontacten';
  if (PLANNING_AREAS.includes(area)) return 'Planning';
  if (BIJEENKOMST_AREAS.includes(area)) return 'Bijeenkomsten';
  if (LEERLING_AREAS.includes(area)) return 'Leerlingen';
  if (TLV_AREAS.includes(area)) return "TLV's";
  if (THUISZITTER_AREAS.includes(area)) return 'Thuiszitters';
  if (ARRANGEMENT_AREAS.includes(area)) return 'Arrangementen';
  if (MONITOR_AREAS.includes(area)) return 'Monitoren';
  if (BEHEER_AREAS.includes(area)) return 'Beheer';
  return area === 'start' || area === 'overzicht' ? null : 'Organisatie';
}

/** The area of a path: the one with the longest matching path (`/bijeenkomsten/statistieken`). */
function activeArea(areas: Area[], pathname: string): Area | undefined {
  return areas
    .filter((a) => {
      const path = AREA_PATHS[a];
      return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    })
    .sort((a, b) => AREA_PATHS[b].length - AREA_PATHS[a].length)[0];
}

/** The frame of every signed-in page: header with SWV and user, navigation by the caller's rights, content. */
export function AppLayout() {
  const me = useMe();
  const { signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const areas = areasFor(me);
  const swvName = me.samenwerkingsverband?.naam ?? 'Platformbeheer';
  const current = activeArea(areas, location.pathname);

  return (
    <AppShell
      header={{ height: 60 }}
      // Wide enough for "Samenwerkingsverbanden", the longest item, where the menu has it.
      navbar={{
        width: areas.includes('samenwerkingsverbanden') ? 270 : 250,
        breakpoint: 'sm',
        collapsed: { mobile: !opened },
      }}
      padding="lg"
    >
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Menu sluiten' : 'Menu openen'}
            />
            <UnstyledButton component={Link} to="/" aria-label="Koers, naar de start">
              <Group gap={8} wrap="nowrap">
                <Logo />
                <Text fw={700} size="lg" c="koers.8">
                  Koers
                </Text>
              </Group>
            </UnstyledButton>
            <Text size="sm" c="dimmed" visibleFrom="md" aria-hidden>
              |
            </Text>
            {/* A long name gives way (cut off with an ellipsis), never the user and "Afmelden". */}
            <Text size="sm" fw={500} truncate="end" visibleFrom="xs" miw={0} data-testid="swv-naam">
              {swvName}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            {/* The user's own name leads to their profile (name and password). */}
            <UnstyledButton
              component={Link}
              to="/profiel"
              visibleFrom="sm"
              className="profiel-link"
              title="Mijn profiel: naam en wachtwoord"
              // The visible name first (what a speech user says), then where it leads.
              aria-label={`${me.naam}${me.rol ? `, ${ROL_LABELS[me.rol]}` : ''}: mijn profiel`}
              aria-current={location.pathname === '/profiel' ? 'page' : undefined}
            >
              <Group gap={8} wrap="nowrap">
                <Stack gap={0} align="flex-end">
                  <Text size="sm" fw={600} className="nowrap" data-testid="gebruiker-naam">
                    {me.naam}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {me.rol ? ROL_LABELS[me.rol] : ''}
                  </Text>
                </Stack>
                <IconUserCircle size={26} stroke={1.5} aria-hidden />
              </Group>
            </UnstyledButton>
            <Button variant="default" size="sm" leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
              Afmelden
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Hoofdmenu">
        <AppShell.Section grow component={ScrollArea}>
          {areas.map((area, i) => {
            const AreaIcon = ICONS[area];
            const path = AREA_PATHS[area];
            const active = area === current;
            const previous = areas[i - 1];
            const section = sectionOf(me, area);
            // The first group gets no heading (the platform's "Organisatie").
            const heading =
              section !== null &&
              (previous === undefined ? section !== 'Organisatie' : sectionOf(me, previous) !== section)
                ? section
                : null;
            return (
              <Fragment key={area}>
                {heading && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                    {heading}
                  </Text>
                )}
                <NavLink
                  component={RouterNavLink}
                  to={path}
                  label={areaLabel(me, area)}
                  aria-label={AREA_LINK_NAMES[area]}
                  leftSection={<AreaIcon size={18} stroke={1.6} aria-hidden />}
                  active={active}
                  // The router's link would call every area whose path starts this one's current too
                  // (Arrangementen on /arrangementen/statistieken): only the area of the page is.
                  aria-current={active ? 'page' : false}
                  onClick={close}
                  variant="filled"
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                />
              </Fragment>
            );
          })}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <NavLink
            component={RouterNavLink}
            to="/profiel"
            label={me.naam}
            description={`Mijn profiel · ${swvName}`}
            leftSection={<IconUserCircle size={18} stroke={1.6} aria-hidden />}
            active={location.pathname === '/profiel'}
            aria-current={location.pathname === '/profiel' ? 'page' : false}
            onClick={close}
            variant="filled"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="inhoud" tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
