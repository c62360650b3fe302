import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** The title of a page (its only h1), an optional line of explanation, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
  pageTitle,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** The tab title, when `title` is not plain text. */
  pageTitle?: string;
}) {
  usePageTitle(pageTitle ?? (typeof title === 'string' ? title : ''));
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
