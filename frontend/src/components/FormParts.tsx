import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, type MantineSize } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowLeft, IconInfoCircle, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/problem';
import type { ListPath } from '../api/resources';
import { formatDate, formatDateTime } from '../lib/format';
import { DialogActions } from './ConfirmButton';
import { invalidateLists, type Conflict } from './recordForm';

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      {children}
    </Anchor>
  );
}

/** "Someone else changed this; reload", and after reloading what to check. */
export function ConflictAlert({
  conflict,
  changedFields,
  onReload,
  reloading,
}: {
  conflict: Conflict;
  changedFields: string[];
  onReload: () => void;
  reloading: boolean;
}) {
  if (conflict === 'stale') {
    return (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Intussen gewijzigd" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            Iemand anders heeft dit intussen gewijzigd; laad opnieuw. Wat u hebt ingevuld, blijft staan.
          </Text>
          <Button size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload} loading={reloading}>
            Opnieuw laden
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (conflict === 'reloaded') {
    return (
      <Alert color="koers" icon={<IconInfoCircle aria-hidden />} title="Nieuwste versie geladen" role="status">
        <Text size="sm">
          Uw invoer staat nog in het formulier.{' '}
          {changedFields.length > 0
            ? `Iemand anders wijzigde: ${changedFields.join(', ')} (gemarkeerd bij het veld). Controleer uw invoer en sla opnieuw op.`
            : 'De velden van dit formulier zijn niet door iemand anders gewijzigd. Sla opnieuw op.'}
        </Text>
      </Alert>
    );
  }
  return null;
}

/** Said above a form that the user may only read. */
export function ReadOnlyNote({ who }: { who: string }) {
  return (
    <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="xs">
      <Text size="sm">U kunt dit alleen bekijken; {who} kan het wijzigen.</Text>
    </Alert>
  );
}

export function GeneralErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Opslaan lukte niet" role="alert">
      {messages.length === 1 ? (
        <Text size="sm">{messages[0]}</Text>
      ) : (
        <List size="sm">
          {messages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function RecordMeta({ record }: { record: { createdAt: string; updatedAt: string; versie: number } }) {
  return (
    <Text size="xs" c="dimmed">
      Aangemaakt op {formatDate(record.createdAt)} · laatst gewijzigd op {formatDateTime(record.updatedAt)} · versie{' '}
      {record.versie}
    </Text>
  );
}

export function FormActions({
  cancelTo,
  saving,
  readOnly,
  extra,
  submitLabel = 'Opslaan',
  size,
}: {
  cancelTo: string;
  saving: boolean;
  readOnly: boolean;
  extra?: ReactNode;
  submitLabel?: string;
  /** `lg` on a form made for a tablet (fingers, not a mouse). */
  size?: MantineSize;
}) {
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Group gap="sm">{extra}</Group>
      <Group gap="sm">
        <Button variant="default" component={Link} to={cancelTo} size={size}>
          {readOnly ? 'Terug' : 'Annuleren'}
        </Button>
        {!readOnly && (
          <Button type="submit" loading={saving} size={size}>
            {submitLabel}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** A delete button with a confirmation; a 409 ("still in use") is explained in the dialog. */
export function DeleteButton({
  path,
  what,
  consequence,
  remove,
  onDeleted,
  size,
}: {
  size?: MantineSize;
  path: ListPath;
  /** e.g. "de school Bavoschool". */
  what: string;
  /** What else is removed with it (records about a pupil), said below the question. */
  consequence?: ReactNode;
  remove: () => Promise<void>;
  onDeleted: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inUse, setInUse] = useState(false);
  const queryClient = useQueryClient();

  const confirm = async () => {
    setBusy(true);
    setError(null);
    setInUse(false);
    try {
      await remove();
      close();
      notifications.show({ color: 'green', message: `${what.charAt(0).toUpperCase()}${what.slice(1)} is verwijderd.` });
      await invalidateLists(queryClient, path);
      onDeleted();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setInUse(true);
        setError(e.problem?.detail ?? 'Dit kan niet worden verwijderd, want het is nog in gebruik.');
      } else if (e instanceof ApiError && e.status === 412) {
        setError(
          'Iemand anders heeft dit intussen gewijzigd; laad de pagina opnieuw en bekijk de wijziging voordat u verwijdert.',
        );
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outline"
        color="red.8"
        size={size}
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => {
          setError(null);
          open();
        }}
      >
        Verwijderen
      </Button>
      <Modal opened={opened} onClose={close} title="Verwijderen bevestigen" centered>
        <Stack gap="md">
          <Text>Weet u zeker dat u {what} wilt verwijderen? Dit kan niet ongedaan worden gemaakt.</Text>
          {consequence && <Text size="sm">{consequence}</Text>}
          <DialogActions
            error={error}
            errorTitle={inUse ? 'Niet verwijderd: nog in gebruik' : 'Niet verwijderd'}
            onCancel={close}
            onConfirm={() => void confirm()}
            confirmLabel="Verwijderen"
            confirmColor="red.8"
            busy={busy}
            disabled={inUse}
          />
        </Stack>
      </Modal>
    </>
  );
}
