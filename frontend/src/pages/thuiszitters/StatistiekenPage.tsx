import { Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { thuiszitters } from '../../api/resources';
import type { ThuiszitterStatistieken } from '../../api/types';
import {
  AfschermingLegenda,
  CijferBalk,
  GeenCijfers,
  Section,
  Stat,
  Totalen,
  Vergelijking,
} from '../../components/Cijfers';
import { MonitorCel } from '../../components/Monitor';
import { allesNul } from '../../lib/cijfers';
import { JaarTegenJaar, SideBySide } from '../../components/Grafieken';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { schooljaarGrenzen, telrijen } from '../../lib/arrangementen';
import { formatDate, formatDecimal, formatNumber } from '../../lib/format';
import { DUUR_LABELS } from '../../lib/labels';
import { peildatumRijen } from '../../lib/thuiszitters';
import { useStatistieken } from '../arrangementen/hooks';
import { DateField } from '../../components/DateField';

const VRIJSTELLINGEN = {
  '5a': '5a: lichamelijk of psychisch',
  '5b': '5b: bezwaar tegen de richting',
  '5c': '5c: school in het buitenland',
} as const;

/** A mean of the figures, with one decimal: `17,0`. */
const decimaal = (n: number | null) => formatDecimal(n);

export default function ThuiszitterStatistiekenPage() {
  const [params, setParams] = useSearchParams();
  const tot = params.get('tot') ?? undefined;
  const { schooljaar, huidig, opties, metBudget, stats } = useStatistieken(thuiszitters, tot);
  // A lezer reads the figures but not the list they count: no way out to it.
  const me = useMe();
  const grenzen = schooljaarGrenzen(schooljaar);
  const zet = (jaar: string, totDatum: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (jaar === huidig) next.delete('schooljaar');
        else next.set('schooljaar', jaar);
        // A date up to which the figures count belongs to its year: another year starts whole.
        if (totDatum) next.set('tot', totDatum);
        else next.delete('tot');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader
        title="Cijfers thuiszitters"
        description="Thuiszitters op de peildata van het schooljaar en de dossiers die in het jaar liepen, tegen dezelfde periode een jaar eerder. Peildata tellen zoals ze zijn vastgesteld."
      />
      <CijferBalk schooljaar={schooljaar} opties={opties} onSchooljaar={(j) => zet(j, null)}>
        <DateField
          label="Tot en met"
          value={tot ?? ''}
          min={grenzen?.van}
          max={grenzen?.tot}
          placeholder="Einde schooljaar"
          onChange={(v) => zet(schooljaar, v || null)}
          w={180}
        />
      </CijferBalk>
      <QueryState query={stats} loadingLabel="Cijfers laden…">
        {(data) =>
          data.peildata.length === 0 && allesNul(data.casussen.extraAandacht) ? (
            <GeenCijfers
              title={`Geen thuiszitters in ${schooljaar}`}
              jarenLabel="Andere schooljaren:"
              jaren={metBudget}
              onJaar={(j) => zet(j, null)}
              terug={
                canRead(me, 'thuiszitters') ? { to: '/thuiszitters', label: 'Naar het thuiszittersbord' } : undefined
              }
            >
              Er liep in {schooljaar}
              {tot ? ` tot en met ${formatDate(tot)}` : ''} geen dossier van een thuiszitter, en er is nog geen
              peildatum geweest.
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

function Cijfers({ stats }: { stats: ThuiszitterStatistieken }) {
  const vj = stats.vorigJaar;
  const { rijen, voorlopig } = peildatumRijen(stats);
  const duur = telrijen(stats.casussen, DUUR_LABELS, vj.casussen).filter((r) => r.key in DUUR_LABELS);
  const periode = `${formatDate(stats.van)} tot en met ${formatDate(stats.tot)}`;

  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 3, xl: 6 }}>
        <Stat
          label="Gemiddeld op een peildatum"
          value={decimaal(stats.gemiddeldOpPeildatum ?? null)}
          note={
            stats.gemiddeldOpPeildatum !== null && stats.gemiddeldOpPeildatum !== undefined ? (
              <Vergelijking nu={stats.gemiddeldOpPeildatum} vorig={vj.gemiddeldOpPeildatum ?? 0} format={decimaal} />
            ) : (
              'Nog geen peildatum'
            )
          }
          testId="gemiddeld-op-peildatum"
        />
        <Stat
          label="Jonger dan 5 op een peildatum"
          value={decimaal(stats.jongerDan5 ?? null)}
          note={
            stats.jongerDan5 !== null && stats.jongerDan5 !== undefined ? (
              <Vergelijking nu={stats.jongerDan5} vorig={vj.jongerDan5 ?? 0} format={decimaal} />
            ) : (
              'Nog geen peildatum'
            )
          }
        />
        <Stat
          label="Extra aandacht"
          value={<MonitorCel aantal={stats.casussen.extraAandacht} />}
          note={<Vergelijking nu={stats.casussen.extraAandacht} vorig={vj.casussen.extraAandacht} />}
          testId="extra-aandacht"
        />
        <Stat
          label="1 tot 3 maanden thuis"
          value={<MonitorCel aantal={stats.casussen.tussen1En3Maanden} />}
          note={<Vergelijking nu={stats.casussen.tussen1En3Maanden} vorig={vj.casussen.tussen1En3Maanden} />}
        />
        <Stat
          label="Langer dan 3 maanden thuis"
          value={<MonitorCel aantal={stats.casussen.langerDan3Maanden} />}
          note={<Vergelijking nu={stats.casussen.langerDan3Maanden} vorig={vj.casussen.langerDan3Maanden} />}
        />
        <Stat
          label="Beëindigd"
          value={<MonitorCel aantal={stats.beeindigd.aantal} />}
          note={
            <>
              {stats.beeindigd.mediaanDagen !== null && stats.beeindigd.mediaanDagen !== undefined
                ? `Mediaan ${formatNumber(stats.beeindigd.mediaanDagen)} dagen; vorig jaar `
                : 'Vorig jaar '}
              <MonitorCel aantal={vj.beeindigd.aantal} />
            </>
          }
        />
      </Totalen>
      <Text size="sm" c="dimmed" mt={-8}>
        Over {periode}, tegen dezelfde dagen een jaar eerder. Extra aandacht: elk dossier dat in die periode liep, ook
        van dreigende thuiszitters. Hoe lang thuis: tot het einde van het dossier, of tot en met {formatDate(stats.tot)}
        .
      </Text>

      <Section id="per-peildatum" title="Op de peildata, tegen vorig jaar">
        {rijen.length === 0 ? (
          <Text c="dimmed">Er is tot en met {formatDate(stats.tot)} nog geen peildatum geweest.</Text>
        ) : (
          <>
            <JaarTegenJaar rows={rijen} schooljaar={stats.schooljaar} column="Peildatum" reeks />
            <Text size="sm" c="dimmed" mt="xs">
              Leerplichtige thuiszitters, zonder dreigende.
              {voorlopig.length > 0
                ? ` Nog niet vastgesteld, dus geteld zoals nu geregistreerd: ${voorlopig.join(', ')}.`
                : ''}
            </Text>
          </>
        )}
      </Section>

      <SideBySide>
        <Section id="duur" title="Hoe lang thuis, tegen vorig jaar">
          <JaarTegenJaar rows={duur} schooljaar={stats.schooljaar} column="Thuis" />
        </Section>
        <Section id="vrijstellingen" title="Nieuwe vrijstellingen">
          <Table withTableBorder striped className="tabular">
            <TableHead
              cells={['Vrijstelling', { label: stats.schooljaar, ta: 'right' }, { label: 'Vorig jaar', ta: 'right' }]}
            />
            <Table.Tbody>
              {(Object.keys(VRIJSTELLINGEN) as (keyof typeof VRIJSTELLINGEN)[]).map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" fw={400}>
                    {VRIJSTELLINGEN[k]}
                  </Table.Th>
                  <Table.Td ta="right">
                    <MonitorCel aantal={stats.nieuweVrijstellingen[k]} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={vj.nieuweVrijstellingen[k]} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="xs">
            Een vrijstelling telt in het jaar waarin ze ingaat: als eerste situatie van een dossier of na een andere.
          </Text>
        </Section>
      </SideBySide>
    </Stack>
  );
}
