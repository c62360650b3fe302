import { useSearchParams } from 'react-router';
import { gebruikers } from '../../api/resources';
import type { Gebruiker } from '../../api/types';
import { useMe } from '../../auth/authContext';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { options, ROL_LABELS } from '../../lib/labels';
import { useSamenwerkingsverbanden } from '../lookups';
import { statusColumn, statusFilter, swvColumns, swvFilters } from '../accounts';

export default function GebruikersPage() {
  const me = useMe();
  const platform = me.rol === 'platformbeheerder';
  const swvs = useSamenwerkingsverbanden(platform);
  const [params] = useSearchParams();
  const swvFilter = params.get('samenwerkingsverbandId');

  const columns: Column<Gebruiker>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (g) => g.naam },
    { key: 'email', header: 'E-mailadres', sortable: true, nowrap: true, render: (g) => g.email },
    { key: 'rol', header: 'Rol', sortable: true, render: (g) => ROL_LABELS[g.rol] },
    ...swvColumns<Gebruiker>(platform ? swvs : null, '—', 'md'),
    statusColumn({ label: 'Inactief', color: 'gray.7' }),
  ];

  const rollen = options(ROL_LABELS).filter((o) => platform || o.value !== 'platformbeheerder');
  return (
    <ListPage
      area="gebruikers"
      description={
        platform
          ? 'De gebruikers van alle samenwerkingsverbanden en de platformbeheerders.'
          : 'Wie met Koers werkt in uw samenwerkingsverband, en met welke rol.'
      }
      newLabel="Nieuwe gebruiker"
      newHref={swvFilter ? `/gebruikers/nieuw?samenwerkingsverbandId=${encodeURIComponent(swvFilter)}` : undefined}
      resource={gebruikers}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam of e-mailadres"
      filters={[
        { key: 'rol', label: 'Rol', options: rollen },
        statusFilter('Inactief'),
        ...swvFilters(platform ? swvs : null),
      ]}
      emptyTitle="Nog geen gebruikers"
      emptyDescription='Voeg een gebruiker toe met de knop "Nieuwe gebruiker". Koers mailt een uitnodiging waarmee de gebruiker zelf een wachtwoord kiest.'
    />
  );
}
