import { Anchor, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { ContactOverzicht, ContactSoort } from '../../api/types';
import { CijferBalk, GeenCijfers, Section, Stat, Totalen } from '../../components/Cijfers';
import { SideBySide, Staven, Verdeling } from '../../components/Grafieken';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { SIGNAAL_BG } from '../../components/SignalCounts';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { schooljaarOpties, telrijen } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatDecimal, formatNumber } from '../../lib/format';
import { CONTACT_SIGNAAL_LABELS, CONTACT_SOORT_LABELS, SIGNAAL_COLORS } from '../../lib/labels';
import { geledenTekst, overzichtTotalen, verwaarloosdEerst } from '../../lib/schoolcontacten';
import { useConsulenten, useContactOverzicht, useHuidigSchooljaar } from './hooks';
import { OnderMinimum } from './parts';

/** The kinds as column heads of the table per school (the full name in the column's title). */
const SOORT_KORT: Record<ContactSoort, string> = {
  startgesprek: 'Start',
  consultatie: 'Consult',
  meso_gesprek: 'Meso',
  observatie: 'Observ.',
  signaal: 'Signaal',
  evaluatie: 'Eval.',
  overig: 'Overig',
};
const SOORTEN = Object.keys(CONTACT_SOORT_LABELS) as ContactSoort[];

/** `/schoolcontacten/overzicht`: per school how often it was seen in a school year, against the SWV's minimum. */
export default function OverzichtPage() {
  const [params, setParams] = useSearchParams();
  const huidig = useHuidigSchooljaar();
  const schooljaar = params.get('schooljaar') ?? huidig;
  const consulentId = params.get('consulentId');
  const volgorde = params.get('volgorde') === 'naam' ? 'naam' : 'aandacht';
  const consulenten = useConsulenten();
  const overzicht = useContactOverzicht(schooljaar, consulentId);
  // From the latest parameters, not those of this render: two quick changes both stay.
  const zet = (key: string, value: string | null, standaard?: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value && value !== standaard) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const wie = consulentId ? consulenten.name(consulentId) : '';

  return (
    <>
      <PageHeader
        title="Contacten per school"
        description="Hoe vaak elke school in een schooljaar gezien is, wanneer het laatst, per soort contact en met welke signalen; scholen onder het minimum van het samenwerkingsverband zijn gemarkeerd."
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={schooljaarOpties(huidig, [schooljaar])}
        onSchooljaar={(j) => zet('schooljaar', j, huidig)}
      >
        <Select
          label="Consulent"
          placeholder="Alle consulenten"
          data={consulenten.options ?? []}
          value={consulentId}
          onChange={(value) => zet('consulentId', value)}
          clearable
          searchable
          nothingFoundMessage="Geen consulent met deze naam"
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
      </CijferBalk>
      <QueryState query={overzicht} loadingLabel="Overzicht laden…">
        {(data) =>
          data.scholen.length === 0 ? (
            <GeenCijfers
              title={wie ? `${wie} heeft geen scholen` : 'Geen scholen'}
              jarenLabel=""
              jaren={[]}
              onJaar={() => undefined}
              terug={{ to: '/scholen', label: 'Naar de scholen' }}
            >
              {wie
                ? `${wie} is van geen enkele school de consulent. Een beheerder wijst de consulent van een school aan op de pagina van die school.`
                : 'Het samenwerkingsverband heeft nog geen scholen.'}
            </GeenCijfers>
          ) : (
            <Cijfers data={data} volgorde={volgorde} onVolgorde={(v) => zet('volgorde', v, 'aandacht')} />
          )
        }
      </QueryState>
    </>
  );
}

function Cijfers({
  data,
  volgorde,
  onVolgorde,
}: {
  data: ContactOverzicht;
  volgorde: 'naam' | 'aandacht';
  onVolgorde: (v: string) => void;
}) {
  const vandaag = vandaagNl();
  const onder = new Set(data.onderMinimum);
  const totalen = overzichtTotalen(data.scholen);
  const soorten = telrijen(totalen.perSoort, CONTACT_SOORT_LABELS);
  const signalen = telrijen(totalen.signalen, CONTACT_SIGNAAL_LABELS);
  const zonder = data.scholen.filter((s) => s.contacten === 0).length;
  const scholen =
    volgorde === 'naam'
      ? [...data.scholen].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))
      : verwaarloosdEerst(data.scholen, data.onderMinimum);
  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat
          label="Contacten"
          value={formatNumber(totalen.contacten)}
          testId="overzicht-contacten"
          note={`met ${formatNumber(data.scholen.length)} scholen`}
        />
        <Stat
          label="Gemiddeld per school"
          value={formatDecimal(data.gemiddeldPerSchool)}
          testId="overzicht-gemiddeld"
          note={`Minimum tot nu toe ${formatDecimal(data.minimumTotNu)}`}
        />
        <Stat
          label="Onder het minimum"
          value={formatNumber(data.onderMinimum.length)}
          testId="overzicht-onder-minimum"
          note={data.onderMinimum.length === 1 ? 'school' : 'scholen'}
        />
        <Stat
          label="Nog niet gezien"
          value={formatNumber(zonder)}
          note={zonder === 1 ? 'school zonder contact' : 'scholen zonder contact'}
        />
      </Totalen>
      {totalen.contacten > 0 && (
        <SideBySide>
          <Section id="per-soort" title="Per soort contact">
            <Staven rows={soorten} column="Soort" reeks="Contacten" liggend />
          </Section>
          <Section id="signalen" title="Signalen">
            <Verdeling
              rows={signalen}
              column="Signaal"
              kleuren={SIGNAAL_COLORS}
              midden={`${formatNumber(signalen.reduce((n, r) => n + (r.aantal ?? 0), 0))} signalen`}
            />
          </Section>
        </SideBySide>
      )}
      <Section
        id="per-school"
        title="Per school"
        actions={
          <SegmentedControl
            size="xs"
            aria-label="Volgorde van de scholen"
            value={volgorde}
            onChange={onVolgorde}
            data={[
              { value: 'aandacht', label: 'Minst gezien eerst' },
              { value: 'naam', label: 'Op naam' },
            ]}
          />
        }
      >
        <Paper withBorder radius="md">
          <ScrollTable label="Contacten per school" minWidth={1000}>
            <Table verticalSpacing="xs" className="mijn-scholen eerste-kolom-vast tabular">
              <TableHead
                cells={[
                  'School',
                  'Consulent',
                  'Laatste contact',
                  { label: 'Totaal', ta: 'right' },
                  ...SOORTEN.map((s) => ({ label: SOORT_KORT[s], key: s, ta: 'right' as const })),
                  'Signalen',
                ]}
              />
              <Table.Tbody>
                {scholen.map((s) => {
                  const isOnder = onder.has(s.schoolId);
                  return (
                    <Table.Tr key={s.schoolId} data-onder-minimum={isOnder || undefined} data-testid="overzicht-school">
                      <Table.Th scope="row" fw={400}>
                        <Stack gap={2} align="flex-start">
                          <Anchor component={Link} to={`/scholen/${s.schoolId}`} size="sm" fw={500}>
                            {s.naam}
                          </Anchor>
                          {isOnder && <OnderMinimum />}
                        </Stack>
                      </Table.Th>
                      <Table.Td className="nowrap">
                        {s.consulent?.naam ?? (
                          <Text span size="sm" c="dimmed">
                            Geen
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className="nowrap">
                        {s.laatsteContact ? (
                          <span title={geledenTekst(s.laatsteContact, vandaag)}>{formatDate(s.laatsteContact)}</span>
                        ) : (
                          <Text span size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {formatNumber(s.contacten)}
                      </Table.Td>
                      {SOORTEN.map((soort) => (
                        <Table.Td key={soort} ta="right">
                          {formatNumber(s.perSoort[soort] ?? 0)}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        <Signalen signalen={s.signalen} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Paper>
        <Text size="xs" c="dimmed" mt="xs">
          Kolommen per soort:{' '}
          {SOORTEN.map((s) => `${SOORT_KORT[s]} = ${CONTACT_SOORT_LABELS[s].toLowerCase()}`).join(', ')}.
        </Text>
      </Section>
    </Stack>
  );
}

/** All three signals of a school's year, as counted chips (only those that occurred). */
function Signalen({ signalen }: { signalen: ContactOverzicht['scholen'][number]['signalen'] }) {
  const er = (['risico', 'aandacht', 'op_koers'] as const).filter((k) => signalen[k] > 0);
  if (er.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {er.map((k) => (
        <span key={k} className="signaal" style={{ background: SIGNAAL_BG[k] }}>
          <strong>{signalen[k]}</strong> {CONTACT_SIGNAAL_LABELS[k].toLowerCase()}
        </span>
      ))}
    </span>
  );
}
