import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { tlvs } from '../../api/resources';
import type { Telmap, TlvStatistieken } from '../../api/types';
import {
  AfschermingLegenda,
  CijferBalk,
  GeenCijfers,
  kleurenVan,
  Section,
  Stat,
  Totalen,
  Vergelijking,
  vorigJaarZin,
} from '../../components/Cijfers';
import { JaarTegenJaar, SideBySide, Staven, Verdeling } from '../../components/Grafieken';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { MonitorCel } from '../../components/Monitor';
import { aandeel, telrijen, type Telrij } from '../../lib/arrangementen';
import { allesNul, som, rijAantal, waarde } from '../../lib/cijfers';
import { cel } from '../../lib/monitor';
import { formatDecimal, formatPercentage } from '../../lib/format';
import { TRIMESTER_LABELS, VERVOLG_LABELS } from '../../lib/labels';
import { soortRijen } from '../../lib/tlv';
import { useStatistieken } from '../arrangementen/hooks';
import { useSector } from '../lookups';

const TRIMESTERS = Object.keys(TRIMESTER_LABELS) as (keyof typeof TRIMESTER_LABELS)[];

export default function TlvStatistiekenPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, stats } = useStatistieken(tlvs);
  // A lezer reads the figures but not the list they count: no way out to it.
  const me = useMe();

  return (
    <>
      <PageHeader
        title="Cijfers TLV's"
        description="De toelaatbaarheidsverklaringen die in het schooljaar zijn afgegeven, per soort en trimester, met de beslistermijn, de leeftijd, de herkomst en de uitstroom; het jaar ervoor ernaast."
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={opties}
        onSchooljaar={setSchooljaar}
        download={{
          path: '/toelaatbaarheidsverklaringen/statistieken',
          query: { schooljaar },
          name: `tlv-statistieken-${schooljaar}`,
          label: `de TLV-cijfers van ${schooljaar}`,
        }}
      />
      <QueryState query={stats} loadingLabel="Cijfers laden…">
        {(data) =>
          allesNul(data.afgegeven, data.afgewezen) ? (
            <GeenCijfers
              title={`Geen TLV-besluiten in ${schooljaar}`}
              jarenLabel="Andere schooljaren:"
              jaren={metBudget}
              onJaar={setSchooljaar}
              terug={canRead(me, 'tlvs') ? { to: '/tlv', label: 'Naar de TLV-aanvragen' } : undefined}
            >
              Er is in {schooljaar} geen TLV afgegeven of afgewezen.{vorigJaarZin(data.vorigJaar.afgegeven)}
            </GeenCijfers>
          ) : (
            <>
              <AfschermingLegenda antwoord={data} />
              <Cijfers stats={data} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

/** The total of each row of `perSoort`, as counts. */
function totalen(stats: TlvStatistieken): Telmap {
  return Object.fromEntries(Object.entries(stats.perSoort).map(([k, r]) => [k, r.totaal]));
}

function Cijfers({ stats }: { stats: TlvStatistieken }) {
  const sector = useSector();
  const labels = soortRijen(sector);
  const soorten = telrijen(totalen(stats), labels, stats.vorigJaar.perSoort).filter((r) => r.key in labels);
  const nieuwVerlenging: Telrij[] = [
    { key: 'nieuw', label: 'Nieuw', aantal: rijAantal(stats.nieuw) },
    { key: 'verlenging', label: 'Verlenging of herbeoordeling', aantal: rijAantal(stats.verlenging) },
  ];
  // The API gives no total per trimester: the sum of the kinds, unknown where one of them is withheld.
  const perTrimester: Telrij[] = TRIMESTERS.map((t) => {
    const aantal = som(Object.values(stats.perSoort).map((r) => rijAantal(r.perTrimester[t])));
    return { key: t, label: TRIMESTER_LABELS[t], aantal, ...(aantal === null ? { onbekend: true as const } : {}) };
  });
  const uitstroom = telrijen(stats.uitstroom.perVervolg, VERVOLG_LABELS);
  const leeftijd = stats.leeftijd;
  const [afgegeven, nieuw, verlenging] = [waarde(stats.afgegeven), waarde(stats.nieuw), waarde(stats.verlenging)];

  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 3, xl: 6 }}>
        <Stat
          label="Afgegeven"
          value={<MonitorCel aantal={stats.afgegeven} />}
          note={<Vergelijking nu={stats.afgegeven} vorig={stats.vorigJaar.afgegeven} />}
          testId="totaal-tlvs"
        />
        <Stat label="Afgewezen" value={<MonitorCel aantal={stats.afgewezen} />} />
        <Stat
          label="Nieuw"
          value={<MonitorCel aantal={stats.nieuw} />}
          note={`${aandeel(nieuw, afgegeven)} van het totaal`}
        />
        <Stat label="Verlengd" value={<MonitorCel aantal={stats.verlenging} />} note="Verlenging of herbeoordeling" />
        <Stat
          label="Binnen termijn"
          value={formatPercentage(stats.binnenTermijn.percentage) || '–'}
          note={
            <>
              <MonitorCel aantal={stats.binnenTermijn.aantal} /> besluiten
            </>
          }
          testId="binnen-termijn"
        />
        <Stat
          label="Gemiddelde duur"
          value={metEenheid(stats.gemiddeldeDuurMaanden, 'mnd')}
          note="Van ingangsdatum tot einddatum"
        />
      </Totalen>

      <SideBySide>
        <Section id="per-soort" title="Per soort en categorie, tegen vorig jaar">
          <JaarTegenJaar rows={soorten} schooljaar={stats.schooljaar} column="Soort" total={stats.afgegeven} />
        </Section>
        <Section id="nieuw-verlenging" title="Nieuw en verlengd">
          <Verdeling
            rows={nieuwVerlenging}
            column="Aanvraag"
            kleuren={{ nieuw: 'koers.7', verlenging: 'orange.6' }}
            midden={`${aandeel(verlenging, afgegeven)} verlengd`}
          />
        </Section>
      </SideBySide>

      <Section id="per-trimester" title="Per soort en trimester (naar besluitdatum)">
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl">
          <Staven rows={perTrimester} column="Trimester" total={stats.afgegeven} reeks="TLV's" />
          <ScrollTable minWidth={520} label="Afgegeven TLV's per soort en trimester">
            <Table withTableBorder striped className="tabular eerste-kolom-vast">
              <TableHead
                cells={[
                  'Soort',
                  ...TRIMESTERS.map((t) => ({ label: `T${t}`, ta: 'right' as const })),
                  { label: 'Nieuw', ta: 'right' },
                  { label: 'Verlengd', ta: 'right' },
                  { label: 'Totaal', ta: 'right' },
                ]}
              />
              <Table.Tbody>
                {Object.entries(labels).map(([key, label]) => {
                  const r = stats.perSoort[key];
                  return (
                    <Table.Tr key={key}>
                      <Table.Th scope="row" fw={400}>
                        {label}
                      </Table.Th>
                      {TRIMESTERS.map((t) => (
                        <Table.Td key={t} ta="right">
                          <MonitorCel aantal={r?.perTrimester[t] ?? 0} />
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">
                        <MonitorCel aantal={r?.nieuw ?? 0} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <MonitorCel aantal={r?.verlenging ?? 0} />
                      </Table.Td>
                      <Table.Td ta="right" fw={700}>
                        <MonitorCel aantal={r?.totaal ?? 0} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      </Section>

      <SideBySide>
        <Section id="leeftijd" title="Leeftijd bij het besluit">
          <ScrollTable minWidth={340} label="TLV's naar leeftijd bij het besluit">
            <Table withTableBorder striped className="tabular">
              <TableHead
                cells={[
                  'Leeftijd',
                  { label: 'Aantal', ta: 'right' },
                  { label: 'Aandeel', ta: 'right' },
                  { label: 'Gemiddeld', ta: 'right' },
                ]}
              />
              <Table.Tbody>
                {(
                  [
                    ['onder8', 'Jonger dan 8 jaar', leeftijd.onder8],
                    ['vanaf8', '8 jaar of ouder', leeftijd.vanaf8],
                  ] as const
                ).map(([key, label, groep]) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={400}>
                      {label}
                    </Table.Th>
                    <Table.Td ta="right">
                      <MonitorCel aantal={groep.aantal} />
                    </Table.Td>
                    <Table.Td ta="right">{formatPercentage(groep.percentage) || '–'}</Table.Td>
                    <Table.Td ta="right">{metEenheid(groep.gemiddeldeLeeftijd, 'jaar')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Text size="sm" c="dimmed" mt="xs">
            Tijdelijke plaatsingen: sbo <MonitorCel aantal={stats.tijdelijk.sbo} />, so{' '}
            <MonitorCel aantal={stats.tijdelijk.so} />, vso <MonitorCel aantal={stats.tijdelijk.vso} />.
          </Text>
        </Section>
        <Section id="herkomst" title="Herkomst van de aanvragen">
          <Table withTableBorder striped className="tabular">
            <TableHead
              cells={[
                'Trimester',
                { label: 'Scholen met een aanvraag', ta: 'right' },
                { label: 'Aanvragen per school', ta: 'right' },
              ]}
            />
            <Table.Tbody>
              {TRIMESTERS.map((t) => (
                <Table.Tr key={t}>
                  <Table.Th scope="row" fw={400}>
                    {TRIMESTER_LABELS[t]}
                  </Table.Th>
                  <Table.Td ta="right">{formatPercentage(stats.herkomst[t]?.percentageScholen) || '–'}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(stats.herkomst[t]?.gemiddeldPerSchool)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="xs">
            Het deel van de reguliere scholen dat in het trimester een aanvraag deed, en hoeveel die scholen gemiddeld
            deden.
          </Text>
        </Section>
      </SideBySide>

      <SideBySide>
        <Section id="per-werkgebied" title="Per werkgebied (school van herkomst)">
          {stats.perWerkgebied.length === 0 ? (
            <Text c="dimmed">Het samenwerkingsverband heeft geen werkgebieden.</Text>
          ) : (
            <ScrollTable minWidth={420} label="Afgegeven TLV's per werkgebied">
              <Table withTableBorder striped className="tabular eerste-kolom-vast">
                <TableHead
                  cells={['Werkgebied', ...TRIMESTERS.map((t) => ({ label: `T${t}`, ta: 'right' as const }))]}
                />
                <Table.Tbody>
                  {stats.perWerkgebied.map((w) => (
                    <Table.Tr key={w.id ?? 'geen'}>
                      <Table.Th scope="row" fw={400}>
                        {w.naam}
                      </Table.Th>
                      {TRIMESTERS.map((t) => (
                        <Table.Td key={t} ta="right">
                          <MonitorCel aantal={w.perTrimester[t] ?? 0} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Section>
        <Section id="uitstroom" title="Uitstroom">
          <Verdeling
            rows={uitstroom.filter((r) => r.aantal === null || r.aantal > 0)}
            column="Naar"
            kleuren={kleurenVan(uitstroom.map((r) => r.key))}
            midden={`${cel(stats.uitstroom.naarRegulier).tekst} naar regulier`}
          />
        </Section>
      </SideBySide>
    </Stack>
  );
}

/** A mean with its unit, `26,0 mnd`; a dash alone where it is not shared (beside a withheld count). */
function metEenheid(n: number | null | undefined, eenheid: string): string {
  return n === null || n === undefined ? '–' : `${formatDecimal(n)} ${eenheid}`;
}
