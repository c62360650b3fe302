import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCalendarDown,
  IconCheck,
  IconCopy,
  IconExternalLink,
  IconUserCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { bijeenkomsten } from '../../api/resources';
import type { Bijeenkomst, Opkomst } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canReadAanmeldingen, canWrite } from '../../auth/roles';
import { Fact, RecordFact } from '../../components/Fact';
import { BackLink, DeleteButton, RecordMeta } from '../../components/FormParts';
import { EditButton, LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { LoadingState, QueryState, RecordFout } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { formatStart } from '../../lib/bijeenkomsten';
import { filenameFromDisposition, saveBlob } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { BIJEENKOMST_SOORT_LABELS, VORM_LABELS } from '../../lib/labels';
import { formatMeetingTime } from '../../lib/meetingTime';
import { usePortefeuilles, useProjecten } from '../planning/hooks';
import { AanmeldingenSection } from './AanmeldingenSection';
import { HerhalingButton } from './HerhalingModal';
import { useBijeenkomst, useOpkomst } from './hooks';
import { StatusBadge } from './parts';
import { heeftOpkomst, toonStatus } from '../../lib/tijd';

export default function BijeenkomstPage() {
  const { id = '' } = useParams();
  const query = useBijeenkomst(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/bijeenkomsten">Alle bijeenkomsten</BackLink>
        <RecordFout
          error={query.error}
          listPath="/bijeenkomsten"
          listLabel="alle bijeenkomsten"
          onRetry={() => void query.refetch()}
        />
      </>
    );
  }
  return <BijeenkomstView bijeenkomst={query.data.data} etag={query.data.etag} />;
}

function BijeenkomstView({ bijeenkomst: b, etag }: { bijeenkomst: Bijeenkomst; etag: string | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const writable = canWrite(me, 'bijeenkomsten');
  const personen = canReadAanmeldingen(me);
  const status = b.status;
  const nu = toonStatus(b, new Date());

  return (
    <>
      <BackLink to="/bijeenkomsten">Alle bijeenkomsten</BackLink>
      <PageHeader
        title={b.titel}
        description={
          <Group gap="xs" component="span">
            <StatusBadge bijeenkomst={b} />
            <RecordMeta record={b} />
          </Group>
        }
        actions={
          <>
            {personen && (
              <LinkButton to={`/bijeenkomsten/${b.id}/presentie`} icon={IconUserCheck}>
                Presentielijst
              </LinkButton>
            )}
            <AgendaButton bijeenkomst={b} />
            {writable && <HerhalingButton bijeenkomst={b} />}
            {writable && <EditButton to={`/bijeenkomsten/${b.id}/bewerken`} />}
            {writable && (
              <DeleteButton
                path="/bijeenkomsten"
                what={`de bijeenkomst ${b.titel}`}
                remove={() => bijeenkomsten.remove(b.id, etag)}
                onDeleted={() => void navigate('/bijeenkomsten')}
              />
            )}
          </>
        }
      />
      <Stack gap="lg" maw={1200}>
        {status === 'geannuleerd' && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Geannuleerd">
            Deze bijeenkomst gaat niet door. Nieuwe aanmeldingen zijn niet mogelijk.
          </Alert>
        )}
        {nu === 'afgelopen' && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Afgelopen — aanwezigheid invullen">
            Deze bijeenkomst is voorbij. Aanmelden kan niet meer; vul op de presentielijst in wie er was.
          </Alert>
        )}
        <Details bijeenkomst={b} />
        {heeftOpkomst(b, new Date()) && <OpkomstPanel bijeenkomst={b} />}
        {personen && <AanmeldingenSection bijeenkomst={b} writable={writable} />}
      </Stack>
    </>
  );
}

function Details({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const portefeuilles = usePortefeuilles();
  const projecten = useProjecten();
  const portefeuille = portefeuilles.data?.find((p) => p.id === b.portefeuilleId);
  const project = projecten.data?.find((p) => p.id === b.projectId);
  const deelnemers =
    b.minDeelnemers != null || b.maxDeelnemers != null
      ? [
          b.minDeelnemers != null ? `minimaal ${formatNumber(b.minDeelnemers)}` : null,
          b.maxDeelnemers != null ? `maximaal ${formatNumber(b.maxDeelnemers)}` : null,
        ]
          .filter(Boolean)
          .join(', ')
      : 'Geen grenzen';
  return (
    <Panel id="details-kop" title="Gegevens" titleGap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="md">
        <Fact label="Wanneer" value={<span className="tabular">{formatMeetingTime(b.start, b.eind)}</span>} />
        <Fact label="Soort" value={BIJEENKOMST_SOORT_LABELS[b.soort]} />
        <Fact label="Vorm" value={VORM_LABELS[b.vorm]} />
        <Fact label="Locatie" value={b.locatie ?? '—'} />
        <Fact label="Schooljaar" value={b.schooljaar} />
        <Fact label="Deelnemers" value={deelnemers} />
        <RecordFact label="Project" record={project} path="/projecten" />
        <RecordFact label="Portefeuille" record={portefeuille} path="/portefeuilles" />
        {b.activiteitId && (
          <Fact
            label="Activiteit"
            value={
              <Anchor component={Link} to={`/activiteiten/${b.activiteitId}`} size="sm">
                Naar de activiteit
              </Anchor>
            }
          />
        )}
        {b.reeksId && (
          <Fact
            label="Reeks"
            value={
              b.reeksId === b.id ? (
                'Eerste van een reeks'
              ) : (
                <Anchor component={Link} to={`/bijeenkomsten/${b.reeksId}`} size="sm">
                  Naar de eerste van de reeks
                </Anchor>
              )
            }
          />
        )}
      </SimpleGrid>
      {b.omschrijving && (
        <Text size="sm" mt="md" style={{ whiteSpace: 'pre-line' }}>
          {b.omschrijving}
        </Text>
      )}
      <PubliekeLink bijeenkomst={b} />
    </Panel>
  );
}

function PubliekeLink({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  if (!b.publiek) {
    return (
      <Text size="sm" c="dimmed" mt="md">
        Niet open voor inschrijving: alleen medewerkers melden deelnemers aan.
      </Text>
    );
  }
  const url = `${window.location.origin}/inschrijven/${b.publicId}`;
  return (
    <Stack gap={4} mt="md">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label="Link voor inschrijving"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, maxWidth: 560 }}
        />
        <CopyButton value={url} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Gekopieerd' : 'Kopiëren'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'green.9' : undefined}
                size="lg"
                mb={2}
                onClick={copy}
                aria-label={copied ? 'Link gekopieerd' : 'Link kopiëren'}
              >
                {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
        <ActionIcon
          component="a"
          href={url}
          target="_blank"
          rel="noopener"
          variant="default"
          size="lg"
          mb={2}
          aria-label="Inschrijfpagina openen (nieuw venster)"
        >
          <IconExternalLink size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <Text size="xs" c="dimmed">
        {b.aanmeldenTot
          ? `Inschrijven kan tot ${formatStart(b.aanmeldenTot)}.`
          : 'Inschrijven kan tot het begin van de bijeenkomst.'}
      </Text>
    </Stack>
  );
}

function AgendaButton({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, disposition } = await bijeenkomsten.agenda(b.id);
      saveBlob(blob, filenameFromDisposition(disposition) ?? 'bijeenkomst.ics');
    } catch (error) {
      notifications.show({ color: 'red', title: 'Downloaden lukte niet', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconCalendarDown size={16} aria-hidden />}
      loading={busy}
      onClick={() => void download()}
    >
      Agenda (.ics)
    </Button>
  );
}

function Kengetal({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} className="tabular">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function OpkomstPanel({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const q = useOpkomst(b.id);
  return (
    <Panel id="opkomst-kop" title="Opkomst" titleGap="sm">
      <QueryState query={q} loadingLabel="Opkomst laden…">
        {(data) => <OpkomstCijfers opkomst={data} bijeenkomst={b} />}
      </QueryState>
    </Panel>
  );
}

function streefTekst(o: Opkomst, b: Bijeenkomst): { tekst: string; color: string } | null {
  if (o.streefOpkomst == null) return null;
  const doel =
    b.streefPercentage != null && b.doelgroepOmvang != null
      ? `${formatNumber(o.streefOpkomst)} aanwezigen (${String(b.streefPercentage).replace('.', ',')}% van ${formatNumber(b.doelgroepOmvang)})`
      : `${formatNumber(o.streefOpkomst)} aanwezigen`;
  if (o.streefBehaald == null)
    return { tekst: `Streef: ${doel}. Of die gehaald is, blijkt na de start.`, color: 'gray' };
  return o.streefBehaald
    ? { tekst: `Streef gehaald: ${doel}.`, color: 'green' }
    : { tekst: `Streef niet gehaald: ${doel}.`, color: 'orange' };
}

function OpkomstCijfers({ opkomst: o, bijeenkomst: b }: { opkomst: Opkomst; bijeenkomst: Bijeenkomst }) {
  const streef = streefTekst(o, b);
  const pct = o.opkomstPercentage;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Kengetal label="Aangemeld" value={formatNumber(o.aangemeld)} />
        <Kengetal
          label="Aanwezig"
          value={formatNumber(o.aanwezig)}
          hint={o.nietGeregistreerd > 0 ? `${formatNumber(o.nietGeregistreerd)} nog niet geregistreerd` : undefined}
        />
        <Kengetal label="No-show" value={formatNumber(o.noShow)} />
        <Kengetal label="Afgemeld" value={formatNumber(o.afgemeld)} />
        <Kengetal label="Wachtlijst" value={formatNumber(o.wachtlijst)} />
        <Kengetal
          label="Opkomst"
          value={pct == null ? '—' : `${pct.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`}
          hint="aanwezig van aangemeld"
        />
      </SimpleGrid>
      {pct != null && (
        <Progress value={Math.min(100, pct)} aria-label={`Opkomst ${String(pct).replace('.', ',')} procent`} />
      )}
      {streef ? (
        <Alert color={streef.color} variant="light" p="xs">
          <Text size="sm">{streef.tekst}</Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Geen streefopkomst ingesteld.
        </Text>
      )}
      {(o.perSchoolbestuur.length > 0 || o.perFunctie.length > 0) && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Verdeling titel="Aanwezig per schoolbestuur" rijen={o.perSchoolbestuur.map((r) => [r.naam, r.aanwezig])} />
          <Verdeling titel="Aanwezig per functie" rijen={o.perFunctie.map((r) => [r.naam, r.aanwezig])} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Verdeling({ titel, rijen }: { titel: string; rijen: [string, number][] }) {
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {titel}
      </Title>
      {rijen.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nog niemand aanwezig.
        </Text>
      ) : (
        <Table>
          <TableHead
            cells={[titel.endsWith('functie') ? 'Functie' : 'Schoolbestuur', { label: 'Aanwezig', ta: 'right' }]}
          />
          <Table.Tbody>
            {rijen.map(([naam, n]) => (
              <Table.Tr key={naam}>
                <Table.Td>{naam}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatNumber(n)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
