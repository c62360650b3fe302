import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../components/Logo';
import { usePageTitle } from '../components/usePageTitle';

/**
 * The frame of the pages before signing in (signing in, a forgotten password, choosing a password
 * from a mail): Koers's logo, one heading, and a narrow card that fits a phone.
 */
export function AuthFrame({
  title,
  subtitle,
  pageTitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  /** The tab title, when it differs from the heading. */
  pageTitle?: string;
  children: ReactNode;
}) {
  usePageTitle(pageTitle ?? title);
  return (
    <Box component="main" bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p={{ base: 'lg', xs: 'xl' }} radius="md" w="100%" maw={440}>
          <Stack gap="lg">
            <Stack gap={4} align="center">
              <Logo size={44} />
              <Title order={1} size="h2" ta="center">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm" ta="center">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
