import { Alert, Button, Grid, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconUserCheck, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/problem';
import { aanmeldingen } from '../../api/resources';
import type { Aanmelding, Functie } from '../../api/types';
import { RecordSelect } from '../../components/fields';
import { invalidateLists } from '../../components/recordForm';
import { bestaandeAanmelding, type Bestaand } from '../../lib/deur';
import { mapInvalidParams } from '../../lib/formErrors';
import { FUNCTIE_LABELS, options } from '../../lib/labels';
import * as v from '../../lib/validation';
import { optionsOf } from '../planning/hooks';
import { useAlleScholen } from './hooks';

interface Waarden extends Record<string, unknown> {
  naam: string;
  email: string;
  schoolId: string | null;
  functie: Functie | null;
}

const LABELS = { naam: 'Naam', email: 'E-mailadres', schoolId: 'School', functie: 'Functie' };

/** The address is on the list already: mark that registration present instead. */
interface Dubbel {
  email: string;
  bestaand: Bestaand;
}

/**
 * Someone at the door who did not register: name, address, school and role, and she is on the
 * list as present (also beyond the maximum). Enter in any field adds her.
 */
export function BinnenloperModal({
  bijeenkomstId,
  opened,
  onClose,
  onAanwezig,
}: {
  bijeenkomstId: string;
  opened: boolean;
  onClose: () => void;
  /** Marks an existing registration present (the list's own tap, with its optimistic update). */
  onAanwezig: (id: string, naam: string) => void;
}) {
  const queryClient = useQueryClient();
  const scholen = useAlleScholen();
  const [bezig, setBezig] = useState(false);
  const [algemeen, setAlgemeen] = useState<string | null>(null);
  const [dubbel, setDubbel] = useState<Dubbel | null>(null);
  const form = useForm<Waarden>({
    mode: 'controlled',
    // Most walk-ins are not asked their role at length: "Overig" unless someone says otherwise.
    initialValues: { naam: '', email: '', schoolId: null, functie: 'overig' },
    validate: {
      naam: v.name(),
      email: v.email,
      functie: (value: Functie | null) => (value ? null : 'Kies een functie'),
    },
  });

  const sluit = () => {
    form.reset();
    setAlgemeen(null);
    setDubbel(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setBezig(true);
    setAlgemeen(null);
    setDubbel(null);
    try {
      const nieuw: Aanmelding = await aanmeldingen.inloop(bijeenkomstId, {
        naam: values.naam.trim(),
        email: values.email.trim(),
        schoolId: values.schoolId || null,
        functie: values.functie ?? 'overig',
      });
      notifications.show({ color: 'green', message: `${nieuw.naam} is toegevoegd en staat op aanwezig.` });
      await invalidateLists(queryClient, '/bijeenkomsten');
      sluit();
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 409 &&
        (error.invalidParams.some((p) => p.name === 'email') || /e-?mailadres/i.test(error.problem?.detail ?? ''))
      ) {
        // Who it is: a search on the address among this meeting's registrations.
        const email = values.email.trim();
        let bestaand: Bestaand = { soort: 'onbekend' };
        try {
          const page = await aanmeldingen.source(bijeenkomstId).list({ q: email, pageSize: 50 });
          bestaand = bestaandeAanmelding(page.items, email);
        } catch {
          // The message below still says what to do.
        }
        setDubbel({ email, bestaand });
      } else if (error instanceof ApiError && error.invalidParams.length > 0) {
        const mapped = mapInvalidParams(error.invalidParams, Object.keys(LABELS), LABELS);
        form.setErrors(mapped.fields);
        setAlgemeen(mapped.other.join(' ') || null);
      } else {
        setAlgemeen(errorMessage(error));
      }
    } finally {
      setBezig(false);
    }
  });

  return (
    <Modal opened={opened} onClose={sluit} title="Binnenloper toevoegen" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Iemand die niet is aangemeld: komt op de lijst als aanwezig, ook als de bijeenkomst vol is.
          </Text>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <TextInput
                label="Naam"
                size="md"
                required
                data-autofocus
                autoComplete="off"
                {...form.getInputProps('naam')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <TextInput
                label="E-mailadres"
                type="email"
                size="md"
                required
                autoComplete="off"
                {...form.getInputProps('email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <RecordSelect
                label="School"
                size="md"
                searchable
                clearable
                nothingFoundMessage="Geen school gevonden"
                placeholder="Geen school (bijv. ouder of gemeente)"
                data={optionsOf(scholen.data, (s) => `${s.naam} (${s.brin})`)}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('schoolId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <Select
                label="Functie"
                size="md"
                required
                searchable
                allowDeselect={false}
                data={options(FUNCTIE_LABELS)}
                {...form.getInputProps('functie')}
              />
            </Grid.Col>
          </Grid>
          {dubbel && (
            <Alert color="orange" role="alert" title="Dit e-mailadres staat al op de lijst">
              {dubbel.bestaand.soort !== 'onbekend' ? (
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    {dubbel.bestaand.soort === 'wachtlijst'
                      ? `${dubbel.bestaand.naam} staat met ${dubbel.email} op de wachtlijst. Wie van de wachtlijst toch komt, krijgt een plaats, ook als de bijeenkomst vol is.`
                      : `${dubbel.bestaand.naam} is al aangemeld met ${dubbel.email}${dubbel.bestaand.aanwezig ? ' en staat al op aanwezig.' : '.'}`}
                  </Text>
                  {!(dubbel.bestaand.soort === 'aangemeld' && dubbel.bestaand.aanwezig) && (
                    <Button
                      color="green.9"
                      leftSection={<IconUserCheck size={18} aria-hidden />}
                      onClick={() => {
                        if (dubbel.bestaand.soort !== 'onbekend') onAanwezig(dubbel.bestaand.id, dubbel.bestaand.naam);
                        sluit();
                      }}
                    >
                      {dubbel.bestaand.naam} als aanwezig markeren
                    </Button>
                  )}
                </Stack>
              ) : (
                <Text size="sm">
                  Met {dubbel.email} is al aangemeld voor deze bijeenkomst. Zoek de naam in de lijst en tik die aan.
                </Text>
              )}
            </Alert>
          )}
          {algemeen && (
            <Alert color="red" role="alert" title="Niet toegevoegd">
              <Text size="sm">{algemeen}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={sluit}>
              Annuleren
            </Button>
            <Button type="submit" size="md" loading={bezig} leftSection={<IconUserPlus size={18} aria-hidden />}>
              Toevoegen als aanwezig
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
