import { Alert, Box, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconPhoto, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError, errorMessage, unwrap } from '../../api/problem';
import { samenwerkingsverbanden } from '../../api/resources';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Panel } from '../../components/Panel';
import { LOGO_TYPES, logoFout, logoUrl } from '../../lib/huisstijl';

async function uploadLogo(id: string, file: File): Promise<void> {
  const result = await api.PUT('/samenwerkingsverbanden/{id}/logo', {
    params: { path: { id } },
    // The raw file is the body, with its own type.
    body: file as unknown as number[],
    bodySerializer: (body: unknown) => body as File,
    headers: { 'Content-Type': file.type },
  });
  unwrap({ ...result, data: undefined });
}

async function removeLogo(id: string): Promise<void> {
  const result = await api.DELETE('/samenwerkingsverbanden/{id}/logo', { params: { path: { id } } });
  unwrap({ ...result, data: undefined });
}

/**
 * The SWV's logo on its public pages and in its mails: a preview of the current one, a new one
 * (PNG or SVG, at most 200 KB) and removing it.
 */
export function HuisstijlPanel({ swvId, naam }: { swvId: string; naam: string }) {
  const queryClient = useQueryClient();
  const swv = useQuery({
    queryKey: ['samenwerkingsverbanden', swvId, 'huisstijl'],
    queryFn: () => samenwerkingsverbanden.get(swvId),
  });
  const [file, setFile] = useState<File | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A new image at the same address: the preview asks for it again.
  const [versie, setVersie] = useState(0);

  const heeftLogo = swv.data?.data.logo ?? false;
  const kleur = swv.data?.data.kleur ?? null;

  const refresh = async () => {
    setVersie((n) => n + 1);
    await queryClient.invalidateQueries({ queryKey: ['samenwerkingsverbanden'] });
  };

  const choose = (f: File | null) => {
    setFile(f);
    setFout(f ? logoFout(f) : null);
  };

  const upload = async () => {
    if (!file) return;
    const lokaal = logoFout(file);
    if (lokaal) {
      setFout(lokaal);
      return;
    }
    setBusy(true);
    setFout(null);
    try {
      await uploadLogo(swvId, file);
      setFile(null);
      await refresh();
      notifications.show({ color: 'green', message: 'Het logo is opgeslagen.' });
    } catch (e) {
      setFout(e instanceof ApiError && e.problem?.detail ? e.problem.detail : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel id="huisstijl-kop" title="Huisstijl">
      <Text size="sm" mb="md">
        Het logo en de kleur van {naam} op de pagina&apos;s voor deelnemers (inschrijven, afmelden, inchecken) en in de
        mails.
        {kleur
          ? ` De kleur is ${kleur}.`
          : ' Er is geen eigen kleur ingesteld: de pagina’s gebruiken de kleur van Koers.'}
      </Text>
      <Stack gap="md">
        <Group gap="md" align="center" wrap="wrap">
          <Box
            w={200}
            h={90}
            p="xs"
            bg="white"
            style={{
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 'var(--mantine-radius-sm)',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }}
            data-testid="logo-voorbeeld"
          >
            {swv.isPending ? (
              <Text size="sm" c="dimmed">
                Laden…
              </Text>
            ) : heeftLogo ? (
              <img
                src={`${logoUrl(swvId)}?v=${swv.data?.data.versie ?? 0}-${versie}`}
                alt={`Logo van ${naam}`}
                style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }}
              />
            ) : (
              <Group gap={6} c="dimmed">
                <IconPhoto size={18} aria-hidden />
                <Text size="sm">Nog geen logo</Text>
              </Group>
            )}
          </Box>
          {heeftLogo && (
            <ConfirmButton
              label="Logo verwijderen"
              title="Logo verwijderen?"
              confirmLabel="Verwijderen"
              confirmColor="red"
              buttonProps={{ variant: 'default', color: 'red' }}
              onConfirm={async () => {
                await removeLogo(swvId);
                await refresh();
                notifications.show({ color: 'green', message: 'Het logo is verwijderd.' });
              }}
            >
              De pagina&apos;s voor deelnemers en de mails tonen dan geen logo van {naam} meer.
            </ConfirmButton>
          )}
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FileInput
            label={heeftLogo ? 'Nieuw logo' : 'Logo'}
            description="PNG of SVG, hoogstens 200 KB"
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            // Mantine's placeholder here is text, not a native placeholder: dark enough to read.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            placeholder="Kies een bestand"
            accept={LOGO_TYPES.join(',')}
            clearable
            value={file}
            onChange={choose}
            leftSection={<IconPhoto size={16} aria-hidden />}
            error={fout ? true : undefined}
            w={{ base: '100%', sm: 320 }}
          />
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={upload} loading={busy} disabled={!file}>
            Logo opslaan
          </Button>
        </Group>
        {fout && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {fout}
          </Alert>
        )}
      </Stack>
    </Panel>
  );
}
