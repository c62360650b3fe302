import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ClientMetGeheim } from '../../api/types';

function CopyRow({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={`secret-${label}`}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2500}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'green.9' : undefined}
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              aria-label={copied ? `${label} gekopieerd` : `${label} kopiëren`}
            >
              {copied ? 'Gekopieerd' : 'Kopiëren'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** Shows a client's secret once, right after it was made; it cannot be retrieved later. */
export function SecretModal({ client, onClose }: { client: ClientMetGeheim | null; onClose: () => void }) {
  return (
    <Modal
      opened={client !== null}
      onClose={onClose}
      title="Het geheim van de client"
      size="lg"
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {client && (
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Alleen nu zichtbaar">
            Kopieer het geheim nu en geef het veilig door aan wie de koppeling bouwt. Koers toont het niet opnieuw;
            kwijt is een nieuw geheim maken.
          </Alert>
          <CopyRow label="Client-id" value={client.clientId} />
          <CopyRow label="Clientgeheim" value={client.clientSecret} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Ik heb het geheim bewaard</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
