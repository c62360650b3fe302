import { Alert, Button, Group, List, Stack } from '@mantine/core';
import { useForm, type FormValidateInput } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, type Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/problem';
import type { Versioned } from '../api/types';
import { mapInvalidParams } from '../lib/formErrors';
import { ontbreektTeksten } from '../lib/tlv';
import { ConflictAlert, GeneralErrors } from './FormParts';

export interface StapOpties<R, V extends Record<string, unknown>> {
  /** The record the step is taken on, with the ETag to send as If-Match. */
  record: Versioned<R>;
  initialValues: V;
  validate: FormValidateInput<V>;
  /** Field labels, for messages about fields that are not in this form. */
  labels: Partial<Record<keyof V & string, string>>;
  /** The form field of an API field, where the names differ. */
  aliases?: Record<string, string>;
  /** The call, with the record's ETag as If-Match. */
  send: (values: V, etag: string | null) => Promise<Versioned<R> | undefined>;
  /** After the step: take over the record from the answer (or read it again), refresh what shows it. */
  naStap: (antwoord?: Versioned<R>) => Promise<void>;
  /** Reads the record again (after someone else changed it). */
  herlaad: () => Promise<unknown>;
  /** The notification after the step, e.g. "Het advies is toegevoegd." */
  gelukt: string;
  onGelukt?: () => void;
}

/**
 * One step on a record (an advice on a TLV request, a new situation of a thuiszitter…): a small
 * form whose errors come back where they belong: the API's `invalidParams` at the fields, a 412 as
 * "someone else changed this" with a way to read it again (the input stays), a 409 with what is
 * missing.
 */
export function useStap<R, V extends Record<string, unknown>>(opties: StapOpties<R, V>) {
  const { record, labels, aliases, naStap, herlaad } = opties;
  const [fouten, setFouten] = useState<string[]>([]);
  const [ontbreekt, setOntbreekt] = useState<string[]>([]);
  const [verouderd, setVerouderd] = useState(false);
  const [herladen, setHerladen] = useState(false);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues: opties.initialValues,
    validate: opties.validate,
    validateInputOnBlur: true,
  });

  const mutation = useMutation({
    mutationFn: (values: V) => opties.send(values, record.etag),
    onSuccess: async (antwoord) => {
      notifications.show({ color: 'green', message: opties.gelukt });
      form.reset();
      await naStap(antwoord);
      opties.onGelukt?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        setVerouderd(true);
        return;
      }
      if (error instanceof ApiError && (error.problem?.ontbreekt?.length ?? 0) > 0) {
        setOntbreekt(error.problem?.ontbreekt ?? []);
        return;
      }
      if (error instanceof ApiError && error.invalidParams.length > 0) {
        const mapped = mapInvalidParams(
          error.invalidParams,
          Object.keys(opties.initialValues),
          labels as Record<string, string>,
          aliases,
        );
        form.setErrors(mapped.fields);
        setFouten(mapped.other);
        const eerste = Object.keys(mapped.fields)[0];
        if (eerste) form.getInputNode(eerste)?.focus();
        return;
      }
      setFouten([errorMessage(error)]);
    },
  });

  const submit = form.onSubmit(
    (values) => {
      setFouten([]);
      setOntbreekt([]);
      setVerouderd(false);
      mutation.mutate(values);
    },
    (errors) => {
      const eerste = Object.keys(errors)[0];
      if (eerste) form.getInputNode(eerste)?.focus();
    },
  );

  return {
    form,
    submit,
    bezig: mutation.isPending,
    fouten,
    ontbreekt,
    verouderd,
    herladen,
    herlaad: async () => {
      setHerladen(true);
      try {
        await herlaad();
        setVerouderd(false);
      } finally {
        setHerladen(false);
      }
    },
    /** Props for an input: value, error and a help line (left out while the field shows an error). */
    field: (name: keyof V & string, description?: string, type?: 'checkbox') => ({
      ...form.getInputProps(name, type ? { type } : undefined),
      description: form.errors[name] ? undefined : description,
    }),
  };
}

export type Stap<V extends Record<string, unknown>> = ReturnType<typeof useStap<unknown, V>>;

/** What went wrong with a step: someone else changed the record, something is missing, or the API's reasons. */
export function StapFouten({
  verouderd,
  herladen,
  ontbreekt,
  fouten,
  onHerlaad,
}: {
  verouderd: boolean;
  herladen: boolean;
  ontbreekt: string[];
  fouten: string[];
  onHerlaad: () => void;
}) {
  return (
    <>
      <ConflictAlert
        conflict={verouderd ? 'stale' : 'none'}
        changedFields={[]}
        onReload={onHerlaad}
        reloading={herladen}
      />
      {ontbreekt.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Nog geen besluit mogelijk" role="alert">
          <List size="sm">
            {ontbreektTeksten(ontbreekt).map((tekst) => (
              <List.Item key={tekst}>{tekst}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <GeneralErrors messages={fouten} />
    </>
  );
}

/** The form of a step: its fields, what went wrong, and the buttons to cancel and to send. */
export function StapFormulier<V extends Record<string, unknown>>({
  stap,
  label,
  submitLabel,
  onAnnuleer,
  children,
}: {
  stap: Stap<V>;
  /** Names the form for screen readers: "Advies toevoegen". */
  label: string;
  submitLabel: string;
  onAnnuleer?: () => void;
  children: ReactNode;
}) {
  return (
    <form onSubmit={stap.submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <StapFouten
          verouderd={stap.verouderd}
          herladen={stap.herladen}
          ontbreekt={stap.ontbreekt}
          fouten={stap.fouten}
          onHerlaad={() => void stap.herlaad()}
        />
        {children}
        <Group justify="flex-end" gap="sm">
          {onAnnuleer && (
            <Button variant="default" onClick={onAnnuleer}>
              Annuleren
            </Button>
          )}
          <Button type="submit" loading={stap.bezig}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A button that opens the form of a step in place; the form closes again after it is done or cancelled. */
export function Uitklap({
  label,
  icon: KnopIcon,
  variant = 'light',
  children,
}: {
  label: string;
  icon: Icon;
  variant?: 'light' | 'filled' | 'default';
  children: (sluit: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Group>
        <Button variant={variant} leftSection={<KnopIcon size={16} aria-hidden />} onClick={() => setOpen(true)}>
          {label}
        </Button>
      </Group>
    );
  }
  return <>{children(() => setOpen(false))}</>;
}
