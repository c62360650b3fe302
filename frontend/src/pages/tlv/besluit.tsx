import {
  Badge,
  Checkbox,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconCheck, IconGavel, IconLogout2, IconMessageReport, IconX } from '@tabler/icons-react';
import { tlvs } from '../../api/resources';
import type {
  AdviesLbt,
  Besluit as BesluitRecord,
  BesluitUitkomst,
  Bezwaar as BezwaarRecord,
  BezwaarUitkomst,
  Tlv,
  Vervolg,
} from '../../api/types';
import { Fact } from '../../components/Fact';
import { ChoiceSelect, LongText, OptionalSelect } from '../../components/fields';
import { Panel } from '../../components/Panel';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import {
  ADVIES_LBT_LABELS,
  BESLUIT_UITKOMST_LABELS,
  BEZWAAR_UITKOMST_LABELS,
  TLV_SOORT_LABELS,
  VERVOLG_LABELS,
} from '../../lib/labels';
import {
  bezwaartermijnEinde,
  bezwaarUitkomsten,
  bezwaarUitkomstTekst,
  einddatumVoorDuur,
  ontbrekendeAdviezen,
  VOORWAARDE_LABELS,
  VOORWAARDEN,
} from '../../lib/tlv';
import * as v from '../../lib/validation';
import { useScholenData } from '../arrangementen/hooks';
import { useScholen } from '../lookups';
import { StapFormulier, useTlvStap, Uitklap } from './stap';
import type { TlvProps } from './TlvPage';
import { DateField } from '../../components/DateField';

/** What was decided: outcome, dates, period and receiving school, motivation. */
function BesluitFeiten({ besluit: b, binnenTermijn }: { besluit: BesluitRecord; binnenTermijn?: boolean | null }) {
  const scholen = useScholen();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md" data-testid="tlv-besluit">
      <Fact
        label="Besluit"
        value={
          <Group gap={6}>
            <Badge variant="light" color={b.uitkomst === 'toegekend' ? 'green' : 'red'} radius="sm" tt="none">
              {BESLUIT_UITKOMST_LABELS[b.uitkomst]}
            </Badge>
            {binnenTermijn !== undefined && binnenTermijn !== null && (
              <Badge variant="light" color={binnenTermijn ? 'green' : 'red'} radius="sm" tt="none">
                {binnenTermijn ? 'Binnen termijn' : 'Na de termijn'}
              </Badge>
            )}
          </Group>
        }
      />
      <Fact label="Besloten op" value={<span className="tabular">{formatDate(b.datum)}</span>} />
      <Fact label="Verzonden op" value={<span className="tabular">{formatDate(b.verzondenOp)}</span>} />
      {b.uitkomst === 'toegekend' && (
        <>
          <Fact
            label="Geldig"
            value={
              <span className="tabular">
                <span className="nowrap">{formatDate(b.ingangsdatum)} t/m</span>{' '}
                <span className="nowrap">{formatDate(b.einddatum)}</span>
              </span>
            }
          />
          <Fact label="Voorziening" value={b.voorzieningSchoolId ? scholen.name(b.voorzieningSchoolId) : '—'} />
        </>
      )}
      {b.motivering && (
        <div style={{ gridColumn: '1 / -1' }}>
          <Fact label="Motivering" value={b.motivering} />
        </div>
      )}
    </SimpleGrid>
  );
}

/** The advice the decision needs, each condition met or not, from the advice given so far. */
function Voorwaarden({ tlv: t }: { tlv: Tlv }) {
  const ontbreekt = ontbrekendeAdviezen(t.adviezen);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Voor een besluit is nodig (Wpo art. 18a, WEC art. 40):
      </Text>
      <List spacing={4} size="sm" center aria-label="Voorwaarden voor een besluit" data-testid="tlv-voorwaarden">
        {VOORWAARDEN.map((w) => {
          const ok = !ontbreekt.includes(w);
          return (
            <List.Item
              key={w}
              icon={
                <ThemeIcon color={ok ? 'green' : 'red'} size={20} radius="xl" variant="light">
                  {ok ? <IconCheck size={14} aria-hidden /> : <IconX size={14} aria-hidden />}
                </ThemeIcon>
              }
            >
              {VOORWAARDE_LABELS[w]}
              <Text span size="sm" c={ok ? 'green.9' : 'red.9'}>
                {ok ? ' — aanwezig' : ' — ontbreekt nog'}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

/** On a request reopened by a well-founded objection: which decision lapsed, and that the advice still counts. */
function HeropendNa({ tlv: t }: { tlv: Tlv }) {
  const vorig = t.eerdereBesluiten.at(-1);
  if (!vorig) return null;
  return (
    <Text size="sm" data-testid="tlv-heropend">
      Heropend na een gegrond bezwaar: het besluit van {formatDate(vorig.besluit.datum)} (
      {BESLUIT_UITKOMST_LABELS[vorig.besluit.uitkomst].toLowerCase()}) is vervallen en staat onder Eerdere besluiten. De
      adviezen tellen mee voor het nieuwe besluit.
    </Text>
  );
}

/** The decision: what was decided, or (while the request is open) the conditions and the form. */
export function Besluit({ tlv, schrijven }: TlvProps) {
  const t = tlv.data;
  return (
    <Panel id="besluit-kop" title="Besluit" titleGap="sm">
      <Stack gap="md">
        {t.besluit ? (
          <BesluitFeiten besluit={t.besluit} binnenTermijn={t.binnenTermijn} />
        ) : t.status === 'ingetrokken' ? (
          <Text size="sm" c="dimmed">
            De aanvraag is ingetrokken; er komt geen besluit.
          </Text>
        ) : (
          <>
            <HeropendNa tlv={t} />
            <Voorwaarden tlv={t} />
            {schrijven && (
              <Uitklap label="Besluit vastleggen" icon={IconGavel} variant="filled">
                {(sluit) => <BesluitFormulier tlv={tlv} schrijven onKlaar={sluit} />}
              </Uitklap>
            )}
          </>
        )}
      </Stack>
    </Panel>
  );
}

interface BesluitWaarden extends Record<string, unknown> {
  uitkomst: BesluitUitkomst | null;
  datum: string;
  verzondenOp: string;
  ingangsdatum: string;
  /** The period as a number of school years, or up to an end date. */
  periode: 'duur' | 'einddatum';
  duurJaren: number | string;
  einddatum: string;
  voorzieningSchoolId: string | null;
  motivering: string;
}

interface BezwaarWaarden extends Record<string, unknown> {
  ontvangenOp: string;
  verschoonbaar: boolean;
  adviesLbt: AdviesLbt | null;
  uitkomst: BezwaarUitkomst | null;
  beslistOp: string;
}

function BesluitFormulier({ tlv, onKlaar }: TlvProps & { onKlaar: () => void }) {
  const t = tlv.data;
  const alle = useScholenData();
  // The receiving school is one of the TLV's own kind (sbo, so or vso).
  const voorzieningen = alle.data
    ?.filter((s) => s.soort === t.soort)
    .map((s) => ({ value: s.id, label: s.naam }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const stap = useTlvStap<BesluitWaarden>({
    tlv,
    initialValues: {
      uitkomst: null,
      datum: vandaagNl(),
      verzondenOp: '',
      ingangsdatum: '',
      periode: 'duur',
      duurJaren: '',
      einddatum: '',
      voorzieningSchoolId: null,
      motivering: '',
    },
    labels: {
      uitkomst: 'Besluit',
      datum: 'Datum besluit',
      verzondenOp: 'Verzonden op',
      ingangsdatum: 'Ingangsdatum',
      duurJaren: 'Duur',
      einddatum: 'Einddatum',
      voorzieningSchoolId: 'Voorziening',
      motivering: 'Motivering',
    },
    validate: {
      uitkomst: v.required('Besluit'),
      datum: (value) => {
        if (!value) return 'Datum besluit is verplicht';
        return value < t.ontvangenOp
          ? `Het besluit valt niet voor de dag van ontvangst (${formatDate(t.ontvangenOp)})`
          : null;
      },
      verzondenOp: (value, values) =>
        value && values.datum && value < values.datum
          ? 'Het besluit wordt niet verzonden voordat het is genomen'
          : null,
      ingangsdatum: (value, values) =>
        values.uitkomst === 'toegekend' && !value ? 'Ingangsdatum is verplicht bij een toekenning' : null,
      duurJaren: (value, values) => {
        if (values.uitkomst !== 'toegekend' || values.periode !== 'duur') return null;
        const n = Number(value);
        return value === '' || !Number.isInteger(n) || n < 1 ? 'Duur: een heel aantal schooljaren, 1 of meer' : null;
      },
      einddatum: (value, values) => {
        if (values.uitkomst !== 'toegekend' || values.periode !== 'einddatum') return null;
        if (!value) return 'Einddatum is verplicht (of kies een duur in schooljaren)';
        return values.ingangsdatum && value < values.ingangsdatum
          ? 'De einddatum ligt niet voor de ingangsdatum'
          : null;
      },
    },
    send: (values, etag) => {
      const toegekend = values.uitkomst === 'toegekend';
      const duur = toegekend && values.periode === 'duur';
      return tlvs.besluit(
        t.id,
        {
          uitkomst: values.uitkomst as BesluitUitkomst,
          datum: values.datum,
          verzondenOp: values.verzondenOp || null,
          ingangsdatum: toegekend ? values.ingangsdatum : null,
          duurJaren: duur ? Number(values.duurJaren) : null,
          einddatum: toegekend && !duur ? values.einddatum : null,
          voorzieningSchoolId: toegekend ? values.voorzieningSchoolId : null,
          motivering: values.motivering.trim(),
        },
        etag,
      );
    },
    gelukt: 'Het besluit is vastgelegd.',
    onGelukt: onKlaar,
  });
  const values = stap.form.getValues();
  const toegekend = values.uitkomst === 'toegekend';
  const tot = einddatumVoorDuur(values.ingangsdatum, values.duurJaren);

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <StapFormulier stap={stap} label="Besluit vastleggen" submitLabel="Besluit vastleggen" onAnnuleer={onKlaar}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ChoiceSelect
              label="Besluit"
              labels={BESLUIT_UITKOMST_LABELS}
              placeholder="Toekennen of afwijzen"
              {...stap.field('uitkomst')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <DateField label="Datum besluit" required min={t.ontvangenOp} {...stap.field('datum')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <DateField label="Verzonden op" {...stap.field('verzondenOp', 'Leeg: de datum van het besluit')} />
          </Grid.Col>
          {toegekend && (
            <>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <DateField label="Ingangsdatum" required {...stap.field('ingangsdatum')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="periode-label">
                    Geldig tot
                  </Text>
                  <SegmentedControl
                    aria-labelledby="periode-label"
                    data={[
                      { value: 'duur', label: 'Aantal schooljaren' },
                      { value: 'einddatum', label: 'Einddatum' },
                    ]}
                    {...stap.form.getInputProps('periode')}
                  />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {values.periode === 'duur' ? (
                  <NumberInput
                    label="Duur in schooljaren"
                    required
                    min={1}
                    allowDecimal={false}
                    allowNegative={false}
                    {...stap.field(
                      'duurJaren',
                      tot
                        ? `Geldig tot en met ${formatDate(tot)}`
                        : 'Het schooljaar van de ingangsdatum telt als eerste; de TLV loopt tot 31 juli',
                    )}
                  />
                ) : (
                  <DateField
                    label="Einddatum"
                    required
                    min={values.ingangsdatum || undefined}
                    {...stap.field('einddatum')}
                  />
                )}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <OptionalSelect
                  label="Voorziening"
                  placeholder="Nog niet bekend"
                  nothingFoundMessage={`Geen school voor ${t.soort} met deze naam`}
                  data={voorzieningen}
                  {...stap.field('voorzieningSchoolId', `Een school voor ${TLV_SOORT_LABELS[t.soort].toLowerCase()}`)}
                />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={12}>
            <LongText
              label="Motivering"
              minRows={2}
              {...stap.field('motivering', 'Waarom, met de adviezen van de deskundigen; komt in de besluitbrief')}
            />
          </Grid.Col>
        </Grid>
      </StapFormulier>
    </Paper>
  );
}

/** Whether an objection came in time, in words and colour. */
function TijdigBadge({ bezwaar: b }: { bezwaar: Pick<BezwaarRecord, 'tijdig' | 'verschoonbaar'> }) {
  const kleur = b.tijdig ? 'green' : b.verschoonbaar ? 'orange' : 'red';
  const tekst = b.tijdig ? 'Tijdig' : b.verschoonbaar ? 'Te laat, verschoonbaar' : 'Te laat';
  return (
    <Badge variant="light" color={kleur} radius="sm" tt="none" data-testid="bezwaar-tijdig">
      {tekst}
    </Badge>
  );
}

function BezwaarFeiten({ bezwaar: b }: { bezwaar: BezwaarRecord }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
      <Fact
        label="Bezwaar ontvangen"
        value={
          <Group gap={6}>
            <span className="tabular">{formatDate(b.ontvangenOp)}</span>
            <TijdigBadge bezwaar={b} />
          </Group>
        }
      />
      <Fact label="Advies LBT" value={b.adviesLbt ? ADVIES_LBT_LABELS[b.adviesLbt] : '—'} />
      <Fact label="Uitkomst" value={bezwaarUitkomstTekst(b)} />
    </SimpleGrid>
  );
}

/** The objection to the decision (Awb 6:7-6:11): registered, excused when late, decided. */
export function Bezwaar({ tlv, schrijven }: TlvProps) {
  const t = tlv.data;
  if (!t.besluit) return null;
  return (
    <Panel id="bezwaar-kop" title="Bezwaar" titleGap="sm">
      <Stack gap="md">
        {t.bezwaar ? (
          <BezwaarFeiten bezwaar={t.bezwaar} />
        ) : (
          <Text size="sm" c="dimmed">
            Geen bezwaar ontvangen. Bezwaar kan tot en met {formatDate(bezwaartermijnEinde(t.besluit.verzondenOp))} (zes
            weken na verzending).
          </Text>
        )}
        {schrijven && (
          <Uitklap label={t.bezwaar ? 'Bezwaar bijwerken' : 'Bezwaar registreren'} icon={IconMessageReport}>
            {(sluit) => <BezwaarFormulier tlv={tlv} schrijven onKlaar={sluit} />}
          </Uitklap>
        )}
      </Stack>
    </Panel>
  );
}

function BezwaarFormulier({ tlv, onKlaar }: TlvProps & { onKlaar: () => void }) {
  const t = tlv.data;
  const verzondenOp = t.besluit?.verzondenOp ?? t.ontvangenOp;
  const einde = bezwaartermijnEinde(verzondenOp);
  const b = t.bezwaar;
  const stap = useTlvStap<BezwaarWaarden>({
    tlv,
    initialValues: {
      ontvangenOp: b?.ontvangenOp ?? vandaagNl(),
      verschoonbaar: b?.verschoonbaar ?? false,
      adviesLbt: b?.adviesLbt ?? null,
      uitkomst: b?.uitkomst ?? null,
      beslistOp: b?.beslistOp ?? '',
    },
    labels: {
      ontvangenOp: 'Bezwaar ontvangen op',
      verschoonbaar: 'Verschoonbaar',
      adviesLbt: 'Advies LBT',
      uitkomst: 'Uitkomst',
      beslistOp: 'Beslist op',
    },
    validate: {
      ontvangenOp: (value) => {
        if (!value) return 'Vul de dag in waarop het bezwaar binnenkwam';
        return value < verzondenOp
          ? `Het bezwaar komt niet binnen voordat het besluit is verzonden (${formatDate(verzondenOp)})`
          : null;
      },
      uitkomst: (value, values) =>
        value && !bezwaarUitkomsten(values.ontvangenOp <= einde, values.verschoonbaar).includes(value)
          ? 'Een te laat bezwaar dat niet verschoonbaar is, is niet-ontvankelijk (of ingetrokken)'
          : null,
      beslistOp: (value, values) => {
        if (values.uitkomst && !value) return 'Vul de dag van de beslissing op het bezwaar in';
        return value && value < values.ontvangenOp ? 'Er is niet beslist voordat het bezwaar binnenkwam' : null;
      },
    },
    send: (values, etag) =>
      tlvs.bezwaar(
        t.id,
        {
          ontvangenOp: values.ontvangenOp,
          verschoonbaar: values.verschoonbaar,
          adviesLbt: values.adviesLbt,
          uitkomst: values.uitkomst,
          beslistOp: values.uitkomst ? values.beslistOp : null,
        },
        etag,
      ),
    gelukt: 'Het bezwaar is opgeslagen.',
    onGelukt: onKlaar,
  });
  const values = stap.form.getValues();
  const tijdig = !values.ontvangenOp || values.ontvangenOp <= einde;
  const uitkomsten = bezwaarUitkomsten(tijdig, values.verschoonbaar);
  return (
    <StapFormulier
      stap={stap}
      label={b ? 'Bezwaar bijwerken' : 'Bezwaar registreren'}
      submitLabel="Bezwaar opslaan"
      onAnnuleer={onKlaar}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label="Bezwaar ontvangen op"
            required
            min={verzondenOp}
            {...stap.field('ontvangenOp', `Tijdig tot en met ${formatDate(einde)}`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap={6} pt={{ base: 0, sm: 'lg' }} aria-live="polite">
            <TijdigBadge bezwaar={{ tijdig, verschoonbaar: values.verschoonbaar }} />
            {!tijdig && (
              <Checkbox
                label="Toch verschoonbaar (Awb 6:11)"
                {...stap.field('verschoonbaar', undefined, 'checkbox')}
                onChange={(event) => {
                  stap.form.setFieldValue('verschoonbaar', event.currentTarget.checked);
                  stap.form.validateField('uitkomst');
                }}
              />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Advies LBT"
            placeholder="Nog geen advies"
            searchable={false}
            data={[
              { value: 'gegrond', label: ADVIES_LBT_LABELS.gegrond },
              { value: 'ongegrond', label: ADVIES_LBT_LABELS.ongegrond },
            ]}
            {...stap.field('adviesLbt', 'Het advies van de Landelijke Bezwaaradviescommissie')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Uitkomst"
            placeholder="Nog open"
            searchable={false}
            data={uitkomsten.map((u) => ({ value: u, label: BEZWAAR_UITKOMST_LABELS[u] }))}
            {...stap.field(
              'uitkomst',
              values.uitkomst === 'gegrond' ? 'Het besluit vervalt en de aanvraag wordt opnieuw behandeld' : undefined,
            )}
          />
        </Grid.Col>
        {values.uitkomst && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField label="Beslist op" required {...stap.field('beslistOp')} />
          </Grid.Col>
        )}
      </Grid>
    </StapFormulier>
  );
}

/** Where the pupil went after special education (only for a granted TLV). */
export function Uitstroom({ tlv, schrijven }: TlvProps) {
  const t = tlv.data;
  if (t.status !== 'toegekend' && !t.uitstroom) return null;
  return (
    <Panel id="uitstroom-kop" title="Uitstroom" titleGap="sm">
      <Stack gap="md">
        {t.uitstroom ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <Fact label="Datum" value={<span className="tabular">{formatDate(t.uitstroom.datum)}</span>} />
            <Fact label="Naar" value={VERVOLG_LABELS[t.uitstroom.vervolg]} />
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            Nog geen uitstroom. Leg vast waar de leerling heen gaat als die de voorziening verlaat.
          </Text>
        )}
        {schrijven && t.status === 'toegekend' && (
          <Uitklap label={t.uitstroom ? 'Uitstroom wijzigen' : 'Uitstroom vastleggen'} icon={IconLogout2}>
            {(sluit) => <UitstroomFormulier tlv={tlv} schrijven onKlaar={sluit} />}
          </Uitklap>
        )}
      </Stack>
    </Panel>
  );
}

function UitstroomFormulier({ tlv, onKlaar }: TlvProps & { onKlaar: () => void }) {
  const u = tlv.data.uitstroom;
  const besluitdatum = tlv.data.besluit?.datum;
  const stap = useTlvStap({
    tlv,
    initialValues: { datum: u?.datum ?? '', vervolg: u?.vervolg ?? null },
    labels: { datum: 'Datum', vervolg: 'Naar' },
    validate: {
      datum: (value) => {
        if (!value) return 'Datum is verplicht';
        return besluitdatum && value < besluitdatum
          ? `De leerling vertrekt niet voor het besluit (${formatDate(besluitdatum)})`
          : null;
      },
      vervolg: v.required('Naar'),
    },
    send: (values, etag) =>
      tlvs.uitstroom(tlv.data.id, { datum: values.datum, vervolg: values.vervolg as Vervolg }, etag),
    gelukt: 'De uitstroom is vastgelegd.',
    onGelukt: onKlaar,
  });
  return (
    <StapFormulier
      stap={stap}
      label={u ? 'Uitstroom wijzigen' : 'Uitstroom vastleggen'}
      submitLabel="Uitstroom opslaan"
      onAnnuleer={onKlaar}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label="Datum"
            required
            min={besluitdatum}
            {...stap.field('datum', 'De dag dat de leerling vertrok')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect
            label="Naar"
            labels={VERVOLG_LABELS}
            placeholder="Kies het vervolg"
            {...stap.field('vervolg')}
          />
        </Grid.Col>
      </Grid>
    </StapFormulier>
  );
}

/** Decisions that a `gegrond` objection set aside, oldest first, each with that objection. */
export function EerdereBesluiten({ tlv: t }: { tlv: Tlv }) {
  if (t.eerdereBesluiten.length === 0) return null;
  return (
    <Panel id="eerdere-besluiten-kop" title={`Eerdere besluiten (${t.eerdereBesluiten.length})`} titleGap="sm">
      <Stack gap="lg">
        {t.eerdereBesluiten.map((e, i) => (
          <Stack
            key={`${e.besluit.datum}-${i}`}
            gap="sm"
            pt={i > 0 ? 'md' : 0}
            style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
          >
            <BesluitFeiten besluit={e.besluit} />
            <BezwaarFeiten bezwaar={e.bezwaar} />
          </Stack>
        ))}
      </Stack>
    </Panel>
  );
}
