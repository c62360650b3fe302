import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { tlvs } from '../../api/resources';
import type { Telmap, TlvStatistieken } from '../../api/types';
import {
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
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { aandeel, telrijen, type Telrij } from '../../lib/arrangementen';
import { formatDecimal, formatNumber, formatPercentage } from '../../lib/format';
import { TRIMESTER_LABELS, VERVOLG_LABELS } from '../../lib/labels';
import { soortRijen } from '../../lib/tlv';
import { useStatistieken } from '../arrangementen/hooks';
import { useSector } from '../lookups';

const TRIMESTERS = Object.keys(TRIMESTER_LABELS) as (keyof typeof TRIMESTER_LABELS)[];

export default function TlvStatistiekenPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, stats } = useStatistieken(tlvs);

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
          data.afgegeven + data.afgewezen === 0 ? (
            <GeenCijfers
              title={`Geen TLV-besluiten in ${schooljaar}`}
              jarenLabel="Andere schooljaren:"
              jaren={metBudget}
              onJaar={setSchooljaar}
              terug={{ to: '/tlv', label: 'Naar de TLV-aanvragen' }}
            >
              Er is in {schooljaar} geen TLV afgegeven of afgewezen.{vorigJaarZin(data.vorigJaar.afgegeven)}
            </GeenCijfers>
          ) : (
            <Cijfers stats={data} />
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
    { key: 'nieuw', label: 'Nieuw', aantal: stats.nieuw },
    { key: 'verlenging', label: 'Verlenging of herbeoordeling', aantal: stats.verlenging },
  ];
  const perTrimester = telrijen(
    Object.fromEntries(
      TRIMESTERS.map((t) => [t, Object.values(stats.perSoort).reduce((n, r) => n + (r.perTrimester[t] ?? 0), 0)]),
    ),
    TRIMESTER_LABELS,
  );
  const uitstroom = telrijen(stats.uitstroom.perVervolg, VERVOLG_LABELS);
  const leeftijd = stats.leeftijd;

  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 3, xl: 6 }}>
        <Stat
          label="Afgegeven"
          value={formatNumber(stats.afgegeven)}
          note={<Vergelijking nu={stats.afgegeven} vorig={stats.vorigJaar.afgegeven} />}
          testId="totaal-tlvs"
        />
        <Stat label="Afgewezen" value={formatNumber(stats.afgewezen)} />
        <Stat
          label="Nieuw"
          value={formatNumber(stats.nieuw)}
          note={`${aandeel(stats.nieuw, stats.afgegeven)} van het totaal`}
        />
        <Stat label="Verlengd" value={formatNumber(stats.verlenging)} note="Verlenging of herbeoordeling" />
        <Stat
          label="Binnen termijn"
          value={formatPercentage(stats.binnenTermijn.percentage) || '–'}
          note={`${formatNumber(stats.binnenTermijn.aantal)} besluiten`}
          testId="binnen-termijn"
        />
        <Stat
          label="Gemiddelde duur"
          value={`${formatDecimal(stats.gemiddeldeDuurMaanden)} mnd`}
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
            midden={`${aandeel(stats.verlenging, stats.afgegeven)} verlengd`}
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
                          {formatNumber(r?.perTrimester[t] ?? 0)}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">{formatNumber(r?.nieuw ?? 0)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(r?.verlenging ?? 0)}</Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {formatNumber(r?.totaal ?? 0)}
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
                  <Table.Td ta="right">{formatNumber(groep.aantal)}</Table.Td>
                  <Table.Td ta="right">{formatPercentage(groep.percentage) || '–'}</Table.Td>
                  <Table.Td ta="right">{`${formatDecimal(groep.gemiddeldeLeeftijd)} jaar`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="xs">
            Tijdelijke plaatsingen: sbo {formatNumber(stats.tijdelijk.sbo)}, so {formatNumber(stats.tijdelijk.so)}, vso{' '}
            {formatNumber(stats.tijdelijk.vso)}.
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
                          {formatNumber(w.perTrimester[t] ?? 0)}
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
            rows={uitstroom.filter((r) => r.aantal > 0)}
            column="Naar"
            kleuren={kleurenVan(uitstroom.map((r) => r.key))}
            midden={`${formatNumber(stats.uitstroom.naarRegulier)} naar regulier`}
          />
        </Section>
      </SideBySide>
    </Stack>
  );
}
