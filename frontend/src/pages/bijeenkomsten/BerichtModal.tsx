import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { bijeenkomsten } from '../../api/resources';
import type { Bijeenkomst, Ontvangers } from '../../api/types';
import { DialogActions } from '../../components/ConfirmButton';
import { LongText } from '../../components/fields';
import { accountErrorMessage, berichtVerstuurd, fieldErrors } from '../../lib/account';
import { formatNumber } from '../../lib/format';
import { useOpkomst } from './hooks';

const MAX_ONDERWERP = 200;
const MAX_TEKST = 10_000;

interface Values {
  onderwerp: string;
  tekst: string;
  aan: Ontvangers[];
}

/** "Bericht sturen": a mail to every registered participant and/or the waiting list of a meeting. */
export function BerichtButton({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconMailForward size={16} aria-hidden />} onClick={open}>
        Bericht sturen
      </Button>
      <Modal opened={opened} onClose={close} title="Bericht aan de deelnemers" size="lg" centered>
        {opened && <BerichtFormulier bijeenkomst={b} onClose={close} />}
      </Modal>
    </>
  );
}

function BerichtFormulier({ bijeenkomst: b, onClose }: { bijeenkomst: Bijeenkomst; onClose: () => void }) {
  const opkomst = useOpkomst(b.id);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { onderwerp: '', tekst: '', aan: ['aangemeld'] },
    validate: {
      onderwerp: (value) =>
        value.trim() === ''
          ? 'Onderwerp is verplicht'
          : value.length > MAX_ONDERWERP
            ? `Onderwerp mag hoogstens ${MAX_ONDERWERP} tekens lang zijn`
            : null,
      tekst: (value) =>
        value.trim() === ''
          ? 'Schrijf het bericht'
          : value.length > MAX_TEKST
            ? `Het bericht mag hoogstens ${formatNumber(MAX_TEKST)} tekens lang zijn`
            : null,
      aan: (value) => (value.length === 0 ? 'Kies aan wie het bericht gaat: aangemeld, wachtlijst of beide' : null),
    },
    validateInputOnBlur: true,
  });
  const send = useMutation({
    mutationFn: (values: Values) =>
      bijeenkomsten.bericht(b.id, { onderwerp: values.onderwerp.trim(), tekst: values.tekst.trim(), aan: values.aan }),
    onSuccess: (aantal) => {
      notifications.show({ color: aantal === 0 ? 'orange' : 'green', message: berichtVerstuurd(aantal) });
      onClose();
    },
    onError: (e) => {
      const fields = fieldErrors(e, ['onderwerp', 'tekst', 'aan']);
      if (Object.keys(fields).length > 0) form.setErrors(fields);
      else setError(accountErrorMessage(e));
    },
  });
  const submit = form.onSubmit(
    (values) => {
      setError(null);
      send.mutate(values);
    },
    (errors) => {
      const first = ['onderwerp', 'tekst'].find((k) => k in errors);
      if (first) form.getInputNode(first)?.focus();
    },
  );

  const telling = (n: number | undefined) => (n === undefined ? '' : ` (${formatNumber(n)})`);
  const { aan } = form.getValues();
  const ontvangers =
    opkomst.data === undefined
      ? undefined
      : (aan.includes('aangemeld') ? opkomst.data.aangemeld : 0) +
        (aan.includes('wachtlijst') ? opkomst.data.wachtlijst : 0);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Iedere ontvanger krijgt een eigen mail (niemand ziet de andere adressen), met onder uw bericht de gegevens van{' '}
          {b.titel} en een link om zich af te melden.
        </Text>
        <Checkbox.Group label="Aan" withAsterisk {...form.getInputProps('aan')}>
          <Group gap="lg" mt={6}>
            <Checkbox value="aangemeld" label={`Aangemelde deelnemers${telling(opkomst.data?.aangemeld)}`} />
            <Checkbox value="wachtlijst" label={`Wachtlijst${telling(opkomst.data?.wachtlijst)}`} />
          </Group>
        </Checkbox.Group>
        <TextInput
          label="Onderwerp"
          required
          maxLength={MAX_ONDERWERP}
          placeholder="Bijvoorbeeld: Andere zaal"
          data-autofocus
          {...form.getInputProps('onderwerp')}
        />
        <LongText
          label="Bericht"
          required
          minRows={6}
          maxRows={14}
          description="Platte tekst. Een lege regel begint een nieuwe alinea."
          {...form.getInputProps('tekst')}
        />
        {ontvangers !== undefined && aan.length > 0 && (
          <Text size="sm" c="dimmed" role="status">
            {ontvangers === 0
              ? 'In de gekozen groep staat nu niemand.'
              : `Gaat naar ${formatNumber(ontvangers)} ${ontvangers === 1 ? 'deelnemer' : 'deelnemers'}.`}
          </Text>
        )}
        <DialogActions
          error={error}
          errorTitle="Versturen lukte niet"
          onCancel={onClose}
          onConfirm={() => submit()}
          confirmLabel="Versturen"
          busy={send.isPending}
        />
      </Stack>
    </form>
  );
}
