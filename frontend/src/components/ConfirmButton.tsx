import { Alert, Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/problem';

/** A button that asks for confirmation in a dialog, then runs an action; errors stay in the dialog. */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  buttonProps,
  confirmColor,
  leftSection,
  ariaLabel,
}: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  buttonProps?: ButtonProps;
  confirmColor?: string;
  leftSection?: ReactNode;
  /** When the label alone does not say what it acts on (one button per row: "Jan afmelden"). */
  ariaLabel?: string;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 412
          ? 'Iemand anders heeft dit intussen gewijzigd; laad opnieuw.'
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        {...buttonProps}
        leftSection={leftSection}
        aria-label={ariaLabel}
        onClick={() => {
          setError(null);
          open();
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          <Text size="sm" component="div">
            {children}
          </Text>
          <DialogActions
            error={error}
            onCancel={close}
            onConfirm={() => void confirm()}
            confirmLabel={confirmLabel}
            confirmColor={confirmColor}
            busy={busy}
          />
        </Stack>
      </Modal>
    </>
  );
}

/** The end of a dialog: what went wrong, if anything, and the choice to cancel or go ahead. */
export function DialogActions({
  error,
  errorTitle,
  onCancel,
  onConfirm,
  confirmLabel,
  confirmColor,
  busy,
  disabled,
}: {
  error: string | null;
  errorTitle?: string;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: ReactNode;
  confirmColor?: string;
  busy: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      {error && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" title={errorTitle}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          Annuleren
        </Button>
        <Button color={confirmColor} loading={busy} disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Group>
    </>
  );
}
