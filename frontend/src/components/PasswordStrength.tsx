import { Group, Progress, Stack, Text } from '@mantine/core';
import { passwordStrength } from '../lib/passwordStrength';

/**
 * A meter under a new-password field: zxcvbn's estimate, the same measure the API applies, so
 * the user sees a refusal coming before saving. The API's own reason still shows at the field.
 */
export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: readonly string[] }) {
  const s = passwordStrength(password, userInputs);
  if (!s) return null;
  return (
    <Stack gap={4} mt={6} data-testid="wachtwoord-sterkte">
      <Progress
        value={((s.score + 1) / 5) * 100}
        color={s.color}
        size="sm"
        aria-label={`Sterkte van het wachtwoord: ${s.label}`}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" aria-live="polite">
          Sterkte: {s.label}
        </Text>
        {!s.ok && (
          <Text size="xs" c="dimmed">
            Nog te makkelijk te raden: maak het langer, bijvoorbeeld met een paar ongewone woorden.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
