import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconBulb, IconCheck } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage, formErrorMessage } from '../../api/problem';
import { activiteiten, fetchAll } from '../../api/resources';
import type { Activiteit, Ambitie, Evaluatie, EvaluatieStatus, Signaal, Voorstel } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWriteActiviteiten } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { invalidateLists } from '../../components/recordForm';
import { ErrorState, LoadingState, QueryState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { EVALUATIE_STATUS_LABELS, SIGNAAL_LABELS } from '../../lib/labels';
import { etagOf, evaluatieInput, parseResultaat } from '../../lib/planning';
import { resultaatTekst, streefTekst, voorstelNotitie } from '../../lib/streef';
import { useAmbities, useGekozenPlan } from './hooks';

export default function EvaluatiePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { plannen, plan } = useGekozenPlan();
  const alle = params.get('alle') === '1';
  const open = params.get('open') === '1';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const ambities = useAmbities(plan?.ondersteuningsplanId);
  const lijst = useQuery({
    queryKey: ['/activiteiten', 'evalueren', plan?.id, alle ? null : me.id],
    queryFn: () =>
      fetchAll(activiteiten, {
        activiteitenplanId: plan?.id ?? '',
        ...(alle ? {} : { verantwoordelijkeId: me.id }),
        sort: 'omschrijving',
      }),
    enabled: plan !== undefined && plan !== null,
    staleTime: Infinity,
  });

  const header = (
    <PageHeader
      title="Evalueren"
      description="Leg per activiteit de status, het resultaat, een toelichting en het signaal vast. Enter slaat op en gaat naar de volgende activiteit; Shift+Enter maakt een nieuwe regel in de toelichting."
    />
  );
  if (plannen.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (plannen.isError)
    return (
      <>
        {header}
        <ErrorState error={plannen.error} onRetry={() => void plannen.refetch()} />
      </>
    );
  if (!plan)
    return (
      <>
        {header}
        <Text>Er is nog geen activiteitenplan om te evalueren.</Text>
      </>
    );

  const nummer = new Map<string, Ambitie>(ambities.data?.map((a) => [a.id, a]));
  const items = [...(lijst.data ?? [])]
    .filter((a) => !open || !a.evaluatie)
    .sort(
      (a, b) =>
        (nummer.get(a.ambitieId)?.nummer ?? 0) - (nummer.get(b.ambitieId)?.nummer ?? 0) ||
        a.omschrijving.localeCompare(b.omschrijving, 'nl'),
    );
  const done = (lijst.data ?? []).filter((a) => a.evaluatie).length;

  return (
    <>
      {header}
      <Paper withBorder p="sm" radius="md" mb="lg">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Select
            label="Activiteitenplan"
            allowDeselect={false}
            data={plannen.data.map((p) => ({ value: p.id, label: `Activiteitenplan ${p.schooljaar}` }))}
            value={plan.id}
            onChange={(value) => set('plan', value)}
            w={260}
          />
          <Checkbox
            label="Alleen mijn activiteiten"
            checked={!alle}
            onChange={(e) => set('alle', e.currentTarget.checked ? null : '1')}
            mb={8}
          />
          <Checkbox
            label="Alleen nog niet geëvalueerd"
            checked={open}
            onChange={(e) => set('open', e.currentTarget.checked ? '1' : null)}
            mb={8}
          />
          {lijst.data && (
            <Text size="sm" mb={8} aria-live="polite">
              {formatNumber(done)} van {formatNumber(lijst.data.length)} geëvalueerd
            </Text>
          )}
        </Group>
      </Paper>
      <QueryState query={lijst} loadingLabel="Activiteiten laden…">
        {() =>
          items.length === 0 ? (
            <Alert color="gray" title="Geen activiteiten">
              <Text size="sm">
                {open
                  ? 'Alle activiteiten in deze selectie zijn geëvalueerd.'
                  : alle
                    ? 'Dit activiteitenplan heeft nog geen activiteiten.'
                    : 'U bent bij dit plan nergens verantwoordelijke. Zet "Alleen mijn activiteiten" uit om alle activiteiten te zien.'}
              </Text>
            </Alert>
          ) : (
            <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((a, i) => (
                <EvaluatieItem
                  key={a.id}
                  activiteit={a}
                  ambitie={nummer.get(a.ambitieId)}
                  writable={canWriteActiviteiten(me)}
                  nextId={items[i + 1]?.id}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

interface Draft {
  status: EvaluatieStatus | '';
  resultaat: string;
  toelichting: string;
  signaal: Signaal | '';
}

function draftOf(e: Evaluatie | null | undefined, voorstel?: Voorstel | null): Draft {
  // Not evaluated yet: the result and signal Koers measured are filled in, to be changed at will.
  if (!e && voorstel) {
    return { status: '', resultaat: resultaatTekst(voorstel.resultaat), toelichting: '', signaal: voorstel.signaal };
  }
  return {
    status: e?.status ?? '',
    resultaat: e?.resultaat != null ? String(e.resultaat).replace('.', ',') : '',
    toelichting: e?.toelichting ?? '',
    signaal: e?.signaal ?? '',
  };
}

type Saved = 'idle' | 'saved' | 'conflict';

function EvaluatieItem({
  activiteit,
  ambitie,
  writable,
  nextId,
}: {
  activiteit: Activiteit;
  ambitie: Ambitie | undefined;
  writable: boolean;
  nextId: string | undefined;
}) {
  const queryClient = useQueryClient();
  const [record, setRecord] = useState(activiteit);
  const [draft, setDraft] = useState<Draft>(() => draftOf(activiteit.evaluatie, activiteit.voorstel));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [state, setState] = useState<Saved>('idle');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = activiteit.id;

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (state === 'saved') setState('idle');
  };

  const save = async () => {
    if (!writable || saving) return;
    const found: Partial<Record<keyof Draft, string>> = {};
    if (draft.status === '') found.status = 'Kies een status';
    if (parseResultaat(draft.resultaat) === undefined)
      found.resultaat = 'Resultaat moet een getal zijn, bijv. 12 of 85,5';
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${found.status ? 'status' : 'resultaat'}-${id}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const saved = await activiteiten.evalueer(id, evaluatieInput(draft), etagOf(record));
      setRecord(saved.data);
      setState('saved');
      void invalidateLists(queryClient, '/activiteiten');
      const next = nextId ? document.getElementById(`status-${nextId}`) : null;
      next?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setState('conflict');
      } else {
        setGeneral(formErrorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    try {
      const latest = await activiteiten.get(id);
      setRecord(latest.data);
      setState('idle');
      setGeneral(
        `Nieuwste versie geladen. Door iemand anders vastgelegd: ${describe(latest.data.evaluatie)}. Uw invoer staat nog in het formulier; sla opnieuw op om die te bewaren.`,
      );
    } catch (error) {
      setGeneral(errorMessage(error));
    }
  };

  // Enter saves (and moves on); Shift+Enter is a new line in the toelichting.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'BUTTON' || target.tagName === 'A') return;
    event.preventDefault();
    void save();
  };

  const headingId = `act-${id}`;
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={headingId}>
      <form
        ref={formRef}
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {/* On a phone the status goes under the title instead of beside it. */}
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <Title order={2} size="h5" id={headingId}>
                {activiteit.omschrijving}
              </Title>
              <Text size="xs" c="dimmed">
                {ambitie ? `Ambitie ${ambitie.nummer}: ${ambitie.titel}` : ''}
                {activiteit.streef
                  ? ` · Streef: ${streefTekst(activiteit.streef)}`
                  : activiteit.streefwaarde
                    ? ` · Streefwaarde: ${activiteit.streefwaarde}`
                    : ''}
              </Text>
            </Stack>
            {state === 'saved' ? (
              <Text size="sm" c="green.9" fw={600} role="status" style={{ whiteSpace: 'nowrap' }}>
                <IconCheck size={14} aria-hidden /> Opgeslagen
              </Text>
            ) : record.evaluatie ? (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Geëvalueerd
              </Text>
            ) : (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Nog niet geëvalueerd
              </Text>
            )}
          </Group>
          {state === 'conflict' && (
            <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Intussen gewijzigd" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  Iemand anders heeft deze activiteit intussen gewijzigd; laad opnieuw. Wat u hebt ingevuld, blijft
                  staan.
                </Text>
                <Button size="xs" onClick={() => void reload()}>
                  Opnieuw laden
                </Button>
              </Stack>
            </Alert>
          )}
          {general && (
            <Text size="sm" c={state === 'idle' && general.startsWith('Nieuwste') ? undefined : 'red.8'} role="alert">
              {general}
            </Text>
          )}
          {activiteit.voorstel && activiteit.streef && (
            <VoorstelNotitie
              tekst={`${voorstelNotitie(activiteit.voorstel, activiteit.streef)}; signaal ${SIGNAAL_LABELS[activiteit.voorstel.signaal].toLowerCase()}`}
              overgenomen={
                draft.resultaat === resultaatTekst(activiteit.voorstel.resultaat) &&
                draft.signaal === activiteit.voorstel.signaal
              }
              writable={writable}
              onOvernemen={() => {
                const v = activiteit.voorstel;
                if (!v) return;
                change('resultaat', resultaatTekst(v.resultaat));
                change('signaal', v.signaal);
              }}
              id={id}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              id={`status-${id}`}
              label="Status"
              required
              disabled={!writable}
              data={[
                { value: '', label: 'Kies…' },
                ...Object.entries(EVALUATIE_STATUS_LABELS).map(([value, label]) => ({ value, label })),
              ]}
              value={draft.status}
              error={errors.status}
              onChange={(e) => change('status', e.currentTarget.value as EvaluatieStatus | '')}
            />
            <TextInput
              id={`resultaat-${id}`}
              label="Resultaat"
              inputMode="decimal"
              disabled={!writable}
              value={draft.resultaat}
              error={errors.resultaat}
              aria-describedby={activiteit.voorstel ? `voorstel-${id}` : undefined}
              onChange={(e) => change('resultaat', e.currentTarget.value)}
              autoComplete="off"
            />
            <NativeSelect
              id={`signaal-${id}`}
              label="Signaal"
              disabled={!writable}
              data={[
                { value: '', label: 'Geen signaal' },
                ...Object.entries(SIGNAAL_LABELS).map(([value, label]) => ({ value, label })),
              ]}
              value={draft.signaal}
              onChange={(e) => change('signaal', e.currentTarget.value as Signaal | '')}
            />
          </SimpleGrid>
          <Textarea
            id={`toelichting-${id}`}
            label="Toelichting"
            autosize
            minRows={2}
            maxRows={8}
            disabled={!writable}
            value={draft.toelichting}
            onChange={(e) => change('toelichting', e.currentTarget.value)}
          />
          <Group justify="space-between">
            <Anchor component={Link} to={`/activiteiten/${id}`} size="sm">
              Activiteit bekijken
            </Anchor>
            {writable && (
              <Button type="submit" loading={saving} size="sm">
                Opslaan
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function describe(e: Evaluatie | null | undefined): string {
  if (!e) return 'geen evaluatie';
  return [
    EVALUATIE_STATUS_LABELS[e.status],
    e.resultaat != null ? `resultaat ${String(e.resultaat)}` : null,
    e.signaal ? `signaal ${SIGNAAL_LABELS[e.signaal].toLowerCase()}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * What Koers measured against the target, proposed as the result and signal (filled in while the
 * activity is not evaluated); the consulent may change it, and take it over again.
 */
function VoorstelNotitie({
  tekst,
  overgenomen,
  writable,
  onOvernemen,
  id,
}: {
  tekst: string;
  overgenomen: boolean;
  writable: boolean;
  onOvernemen: () => void;
  id: string;
}) {
  return (
    <Alert color="koers" icon={<IconBulb aria-hidden />} p="xs" id={`voorstel-${id}`} data-testid="voorstel">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">
          {tekst}
          {overgenomen ? '. Ingevuld bij resultaat en signaal; u kunt het aanpassen.' : '.'}
        </Text>
        {writable && !overgenomen && (
          <Button size="compact-sm" variant="light" onClick={onOvernemen}>
            Voorstel overnemen
          </Button>
        )}
      </Group>
    </Alert>
  );
}
