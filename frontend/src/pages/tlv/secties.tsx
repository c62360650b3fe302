import { Grid, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconClockPause, IconClockPlay, IconHourglass, IconPlus, IconTrash } from '@tabler/icons-react';
import { tlvs } from '../../api/resources';
import type { AdviesUitkomst, Discipline, OpschortingReden } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ChoiceSelect, LongText } from '../../components/fields';
import { Panel } from '../../components/Panel';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { ADVIES_UITKOMST_LABELS, DISCIPLINE_LABELS, OPSCHORTING_REDEN_LABELS, options } from '../../lib/labels';
import { alGeadviseerd, inBehandeling, kanVerdagen, lopendeOpschorting } from '../../lib/tlv';
import * as v from '../../lib/validation';
import { StapFormulier, useNaStap, useTlvStap, Uitklap } from './stap';
import type { TlvProps } from './TlvPage';
import { DateField } from '../../components/DateField';

/** The experts' advice: a list, and while the request is open a form to add one. */
export function Adviezen({ tlv, schrijven }: TlvProps) {
  const t = tlv.data;
  const naStap = useNaStap(t.id);
  const open = schrijven && inBehandeling(t);
  return (
    <Panel id="adviezen-kop" title={`Adviezen (${t.adviezen.length})`} titleGap="sm">
      <Stack gap="md">
        {t.adviezen.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nog geen adviezen. Een besluit vraagt het advies van twee verschillende deskundigen, van wie één
            orthopedagoog of psycholoog.
          </Text>
        ) : (
          <ScrollTable minWidth={440} label="Adviezen van de deskundigen">
            <Table className="tabular" verticalSpacing="xs">
              <TableHead
                cells={['Deskundige', 'Discipline', 'Datum', 'Advies', ...(open ? [{ label: 'Acties', w: 60 }] : [])]}
              />
              <Table.Tbody>
                {t.adviezen.map((a) => (
                  <Table.Tr key={a.id} data-testid="tlv-advies">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {a.deskundige}
                      </Text>
                      {a.toelichting && (
                        <Text size="xs" c="dimmed">
                          {a.toelichting}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{DISCIPLINE_LABELS[a.discipline]}</Table.Td>
                    <Table.Td className="nowrap">{formatDate(a.datum)}</Table.Td>
                    <Table.Td>{ADVIES_UITKOMST_LABELS[a.advies]}</Table.Td>
                    {open && (
                      <Table.Td>
                        <ConfirmButton
                          label="Verwijderen"
                          ariaLabel={`Advies van ${a.deskundige} verwijderen`}
                          title="Advies verwijderen"
                          confirmLabel="Verwijderen"
                          confirmColor="red.8"
                          buttonProps={{ variant: 'subtle', color: 'red.8', size: 'xs' }}
                          leftSection={<IconTrash size={14} aria-hidden />}
                          onConfirm={async () => naStap(await tlvs.verwijderAdvies(t.id, a.id, tlv.etag))}
                        >
                          Het advies van {a.deskundige} ({formatDate(a.datum)}) wordt verwijderd.
                        </ConfirmButton>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {open && (
          <Uitklap label="Advies toevoegen" icon={IconPlus}>
            {(sluit) => <AdviesFormulier tlv={tlv} schrijven onKlaar={sluit} />}
          </Uitklap>
        )}
      </Stack>
    </Panel>
  );
}

function AdviesFormulier({ tlv, onKlaar }: TlvProps & { onKlaar: () => void }) {
  const stap = useTlvStap<{
    deskundige: string;
    discipline: Discipline | null;
    datum: string;
    advies: AdviesUitkomst | null;
    toelichting: string;
  }>({
    tlv,
    initialValues: {
      deskundige: '',
      discipline: null,
      datum: vandaagNl(),
      advies: null,
      toelichting: '',
    },
    labels: { deskundige: 'Deskundige', discipline: 'Discipline', datum: 'Datum', advies: 'Advies' },
    validate: {
      deskundige: (value) => {
        if (!value.trim()) return 'Vul de naam van de deskundige in';
        return alGeadviseerd(tlv.data.adviezen, value)
          ? 'Deze deskundige heeft al geadviseerd; een tweede advies moet van een andere deskundige komen'
          : null;
      },
      discipline: v.required('Discipline'),
      datum: (value) => {
        if (!value) return 'Datum is verplicht';
        return value > vandaagNl() ? 'De datum van het advies ligt niet in de toekomst' : null;
      },
      advies: v.required('Advies'),
    },
    send: (values, etag) =>
      tlvs.adviseer(
        tlv.data.id,
        {
          deskundige: values.deskundige.trim(),
          discipline: values.discipline as Discipline,
          datum: values.datum,
          advies: values.advies as AdviesUitkomst,
          toelichting: values.toelichting.trim(),
        },
        etag,
      ),
    gelukt: 'Het advies is toegevoegd.',
    onGelukt: onKlaar,
  });
  return (
    <StapFormulier stap={stap} label="Advies toevoegen" submitLabel="Advies toevoegen" onAnnuleer={onKlaar}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Deskundige"
            required
            autoComplete="off"
            {...stap.field('deskundige', 'Naam van de professional, bijvoorbeeld drs. K. Vermeulen')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect
            label="Discipline"
            labels={DISCIPLINE_LABELS}
            placeholder="Kies de discipline"
            {...stap.field('discipline')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField label="Datum" required max={vandaagNl()} {...stap.field('datum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect label="Advies" labels={ADVIES_UITKOMST_LABELS} placeholder="Kies…" {...stap.field('advies')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <LongText
            label="Toelichting"
            minRows={2}
            {...stap.field('toelichting', 'Een korte samenvatting; geen namen van de leerling of ouders')}
          />
        </Grid.Col>
      </Grid>
    </StapFormulier>
  );
}

/** The suspensions of the clock: a list, one to end, and a form to add one. */
export function Opschortingen({ tlv, schrijven }: TlvProps) {
  const t = tlv.data;
  const lopend = lopendeOpschorting(t);
  const open = schrijven && inBehandeling(t);
  // A closed request that was never suspended has nothing to say here.
  if (!inBehandeling(t) && t.opschortingen.length === 0) return null;
  return (
    <Panel id="opschortingen-kop" title={`Opschortingen (${t.opschortingen.length})`} titleGap="sm">
      <Stack gap="md">
        {t.opschortingen.length === 0 ? (
          <Text size="sm" c="dimmed">
            De klok is niet opgeschort. Schort op zolang u wacht op ontbrekende gegevens (Awb 4:15): die dagen tellen
            niet mee.
          </Text>
        ) : (
          <ScrollTable minWidth={520} label="Opschortingen van de beslistermijn">
            <Table className="tabular" verticalSpacing="xs">
              <TableHead cells={['Van', 'Tot', 'Reden']} />
              <Table.Tbody>
                {t.opschortingen.map((o) => (
                  <Table.Tr key={o.id} data-testid="tlv-opschorting">
                    <Table.Td className="nowrap">{formatDate(o.van)}</Table.Td>
                    <Table.Td className="nowrap">{o.tot ? formatDate(o.tot) : 'loopt nog'}</Table.Td>
                    <Table.Td>
                      {OPSCHORTING_REDEN_LABELS[o.reden]}
                      {o.toelichting && (
                        <Text size="xs" c="dimmed">
                          {o.toelichting}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {open && lopend && (
          <Uitklap label="Opschorting beëindigen" icon={IconClockPlay}>
            {(sluit) => (
              <OpschortingBeeindigen tlv={tlv} schrijven opschortingId={lopend.id} van={lopend.van} onKlaar={sluit} />
            )}
          </Uitklap>
        )}
        {open && !lopend && (
          <Uitklap label="Termijn opschorten" icon={IconClockPause}>
            {(sluit) => <OpschortingFormulier tlv={tlv} schrijven onKlaar={sluit} />}
          </Uitklap>
        )}
      </Stack>
    </Panel>
  );
}

function OpschortingFormulier({ tlv, onKlaar }: TlvProps & { onKlaar: () => void }) {
  const stap = useTlvStap<{ van: string; reden: OpschortingReden; toelichting: string }>({
    tlv,
    initialValues: { van: vandaagNl(), reden: 'aanvulling', toelichting: '' },
    labels: { van: 'Van', reden: 'Reden', toelichting: 'Toelichting' },
    validate: {
      van: (value) => {
        if (!value) return 'Van is verplicht';
        return value < tlv.data.ontvangenOp
          ? `De opschorting begint niet voor de dag van ontvangst (${formatDate(tlv.data.ontvangenOp)})`
          : null;
      },
      toelichting: (value, values) =>
        values.reden === 'overig' && !value.trim() ? 'Geef een toelichting bij reden overig' : null,
    },
    send: (values, etag) =>
      tlvs.schortOp(
        tlv.data.id,
        { van: values.van, tot: null, reden: values.reden, toelichting: values.toelichting.trim() },
        etag,
      ),
    gelukt: 'De termijn is opgeschort.',
    onGelukt: onKlaar,
  });
  return (
    <StapFormulier stap={stap} label="Termijn opschorten" submitLabel="Opschorten" onAnnuleer={onKlaar}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label="Van"
            required
            min={tlv.data.ontvangenOp}
            {...stap.field('van', 'De eerste dag dat de klok stilstaat')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Reden"
            required
            allowDeselect={false}
            data={options(OPSCHORTING_REDEN_LABELS)}
            comboboxProps={{ withinPortal: true }}
            {...stap.field('reden')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <LongText
            label="Toelichting"
            minRows={2}
            required={stap.form.getValues().reden === 'overig'}
            {...stap.field('toelichting', 'Waarop wordt gewacht, bijvoorbeeld het verslag van de jeugdarts')}
          />
        </Grid.Col>
      </Grid>
    </StapFormulier>
  );
}

/** Ends the running suspension on a day: from then on the clock runs again. */
function OpschortingBeeindigen({
  tlv,
  opschortingId,
  van,
  onKlaar,
}: TlvProps & {
  opschortingId: string;
  van: string;
  onKlaar: () => void;
}) {
  const stap = useTlvStap({
    tlv,
    initialValues: { tot: vandaagNl() },
    labels: { tot: 'Klok loopt weer op' },
    validate: {
      tot: (value) => {
        if (!value) return 'Vul de dag in waarop de klok weer loopt';
        return value < van ? `De klok loopt niet eerder weer dan de opschorting begon (${formatDate(van)})` : null;
      },
    },
    send: (values, etag) => tlvs.beeindigOpschorting(tlv.data.id, opschortingId, values.tot, etag),
    gelukt: 'De opschorting is beëindigd; de klok loopt weer.',
    onGelukt: onKlaar,
  });
  return (
    <StapFormulier stap={stap} label="Opschorting beëindigen" submitLabel="Beëindigen" onAnnuleer={onKlaar}>
      <DateField
        label="Klok loopt weer op"
        required
        min={van}
        maw={260}
        {...stap.field('tot', 'Bijvoorbeeld de dag dat de aanvulling binnenkwam')}
      />
    </StapFormulier>
  );
}

/** The one verdaging of the deadline (Awb 4:14), before it has passed. */
export function Verdaging({ tlv, schrijven }: TlvProps) {
  const t = tlv.data;
  if (!inBehandeling(t) && t.verdagingDagen === 0) return null;
  return (
    <Panel id="verdaging-kop" title="Verdaging" titleGap="sm">
      <Stack gap="md">
        {t.verdagingDagen > 0 ? (
          <Text size="sm" data-testid="tlv-verdaging">
            De termijn is eenmaal verdaagd met <strong>{t.verdagingDagen} dagen</strong>: {t.verdagingReden}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {kanVerdagen(t)
              ? 'De beslistermijn kan eenmaal worden verdaagd, met ten hoogste 42 dagen, zolang hij niet verstreken is.'
              : inBehandeling(t)
                ? 'De termijn is verstreken; verdagen kan niet meer.'
                : 'Niet verdaagd.'}
          </Text>
        )}
        {schrijven && kanVerdagen(t) && (
          <Uitklap label="Termijn verdagen" icon={IconHourglass}>
            {(sluit) => <VerdagingFormulier tlv={tlv} schrijven onKlaar={sluit} />}
          </Uitklap>
        )}
      </Stack>
    </Panel>
  );
}

function VerdagingFormulier({ tlv, onKlaar }: TlvProps & { onKlaar: () => void }) {
  const stap = useTlvStap<{ verdagingDagen: number | string; verdagingReden: string }>({
    tlv,
    initialValues: { verdagingDagen: '', verdagingReden: '' },
    labels: { verdagingDagen: 'Dagen', verdagingReden: 'Reden' },
    validate: {
      verdagingDagen: (value) => {
        const n = Number(value);
        return value === '' || !Number.isInteger(n) || n < 1 || n > 42 ? 'Verdaag met 1 tot en met 42 dagen' : null;
      },
      verdagingReden: (value) => (value.trim() ? null : 'Geef de reden van de verdaging'),
    },
    send: (values, etag) =>
      tlvs.verdaag(tlv.data.id, Number(values.verdagingDagen), values.verdagingReden.trim(), etag),
    gelukt: 'De termijn is verdaagd.',
    onGelukt: onKlaar,
  });
  return (
    <StapFormulier stap={stap} label="Termijn verdagen" submitLabel="Verdagen" onAnnuleer={onKlaar}>
      <Text size="sm">
        Een verdaging kan maar één keer; laat de ouders weten tot wanneer het besluit wordt verdaagd.
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <NumberInput
            label="Dagen"
            required
            min={1}
            max={42}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...stap.field('verdagingDagen')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label="Reden" required {...stap.field('verdagingReden')} />
        </Grid.Col>
      </Grid>
    </StapFormulier>
  );
}
