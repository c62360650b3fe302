import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconQrcode } from '@tabler/icons-react';
import { QRCodeSVG } from 'qrcode.react';
import { bijeenkomsten } from '../../api/resources';
import { errorMessage } from '../../api/problem';
import { codeVernieuwenNa } from '../../lib/deur';

/**
 * The QR code at the door: a participant scans it and checks herself in on her phone. The code
 * works a quarter of an hour, so a new one is fetched well before (see codeVernieuwenNa).
 */
export function IncheckQr({ bijeenkomstId, afgelopen }: { bijeenkomstId: string; afgelopen: boolean }) {
  const code = useQuery({
    queryKey: ['/bijeenkomsten', 'incheckcode', bijeenkomstId],
    queryFn: () => bijeenkomsten.incheckcode(bijeenkomstId),
    enabled: !afgelopen,
    refetchInterval: (query) => codeVernieuwenNa(query.state.data?.geldigTot, Date.now()),
    refetchIntervalInBackground: true,
    // A failed refresh is tried again soon: the shown code must not expire unnoticed.
    retry: 3,
  });
  // A code the device's clock calls expired is still shown: the next fetch replaces it.
  const geldig = code.data;

  return (
    <Paper withBorder radius="md" p="md" className="deur-qr" component="section" aria-labelledby="deur-qr-kop">
      <div className="deur-qr-inhoud">
        <div className="deur-qr-code">
          {afgelopen ? (
            <IconQrcode size={64} stroke={1.2} color="var(--mantine-color-gray-5)" aria-hidden />
          ) : geldig ? (
            <div data-testid="incheck-qr" data-incheck-url={geldig.url} data-geldig-tot={geldig.geldigTot}>
              <QRCodeSVG
                value={geldig.url}
                size={200}
                level="M"
                marginSize={2}
                title="QR-code om zelf in te checken"
                role="img"
                aria-label="QR-code om zelf in te checken"
              />
            </div>
          ) : code.isError ? (
            <IconQrcode size={64} stroke={1.2} color="var(--mantine-color-gray-5)" aria-hidden />
          ) : (
            <Loader size="md" aria-label="QR-code laden" />
          )}
        </div>
        <Stack gap={6} className="deur-qr-tekst">
          <Title order={2} size="h4" id="deur-qr-kop">
            Zelf inchecken
          </Title>
          {afgelopen ? (
            <Text size="sm">De bijeenkomst is afgelopen: zelf inchecken kan niet meer.</Text>
          ) : (
            <>
              <Text size="lg" fw={600} lh={1.35}>
                Scan met uw telefoon om zelf in te checken
              </Text>
              <Text size="sm" c="dimmed">
                Met het e-mailadres van de aanmelding. De code wisselt vanzelf elke paar minuten.
              </Text>
            </>
          )}
          {!afgelopen && code.isError && (
            <Alert color="red" p="xs" role="alert" title="QR-code niet beschikbaar">
              <Stack gap={6} align="flex-start">
                <Text size="sm">{errorMessage(code.error)}</Text>
                <Button size="compact-sm" variant="outline" color="red" onClick={() => void code.refetch()}>
                  Opnieuw proberen
                </Button>
              </Stack>
            </Alert>
          )}
        </Stack>
      </div>
    </Paper>
  );
}
