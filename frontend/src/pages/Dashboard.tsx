import { Alert, Anchor, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useCanWrite } from '../auth/authContext';
import { NewButton } from '../components/LinkButton';
import { SignalCounts } from '../components/SignalCounts';
import { ErrorState } from '../components/states';
import { formatNumber } from '../lib/format';
import { schooljaarNl } from '../lib/tijd';
import { useGekozenPlan, useVerslag } from './planning/hooks';

/** A card per ambitie of the current (or chosen) activity plan with its signals as counts. */
export function Dashboard() {
  const [params, setParams] = useSearchParams();
  const { plannen, plan } = useGekozenPlan();
  const verslag = useVerslag(plan?.id);
  const huidig = schooljaarNl(new Date());
  const maken = useCanWrite('activiteitenplannen');
  const zonderHuidig = plannen.data !== undefined && !plannen.data.some((p) => p.schooljaar === huidig);
  const geenHuidig = zonderHuidig && (
    <Alert
      color="orange"
      icon={<IconInfoCircle aria-hidden />}
      mb="md"
      title={`Nog geen activiteitenplan voor ${huidig}`}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {plan
            ? `Het huidige schooljaar ${huidig} heeft nog geen activiteitenplan. Hieronder staat het plan van ${plan.schooljaar}.`
            : `Het huidige schooljaar ${huidig} heeft nog geen activiteitenplan. Zodra er een is, staat hier per ambitie hoe de activiteiten ervoor staan.`}
        </Text>
        {maken && <NewButton to="/activiteitenplannen/nieuw">Nieuw activiteitenplan</NewButton>}
      </Stack>
    </Alert>
  );

  if (plannen.isError) return <ErrorState error={plannen.error} onRetry={() => void plannen.refetch()} />;
  if (plan === null) return <section aria-label="Activiteitenplan">{geenHuidig}</section>;
  return (
    <section aria-labelledby="dashboard-kop">
      {!params.get('plan') && geenHuidig}
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Title order={2} size="h3" id="dashboard-kop">
          Ambities {plan ? `in ${plan.schooljaar}` : ''}
        </Title>
        {plannen.data && plannen.data.length > 1 && plan && (
          <Select
            label="Activiteitenplan"
            allowDeselect={false}
            w={240}
            data={plannen.data.map((p) => ({ value: p.id, label: `Activiteitenplan ${p.schooljaar}` }))}
            value={plan.id}
            onChange={(value) => setParams(value ? { plan: value } : {}, { replace: true })}
          />
        )}
      </Group>
      {verslag.isError ? (
        <ErrorState error={verslag.error} onRetry={() => void verslag.refetch()} />
      ) : !verslag.data || !plan ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" mb="xl">
          {[1, 2, 3].map((i) => (
            <Skeleton key={i} height={130} radius="md" aria-label="Laden" />
          ))}
        </SimpleGrid>
      ) : verslag.data.ambities.length === 0 ? (
        <Text c="dimmed" mb="xl">
          Het ondersteuningsplan heeft nog geen ambities.
        </Text>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {formatNumber(verslag.data.totaal.geevalueerd)} van {formatNumber(verslag.data.totaal.aantal)} activiteiten
            geëvalueerd.{' '}
            <Anchor component={Link} to={`/activiteitenplannen/${plan.id}`}>
              Naar het activiteitenplan {plan.schooljaar}
            </Anchor>
          </Text>
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="md"
            mb="xl"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {[...verslag.data.ambities]
              .sort((a, b) => a.ambitie.nummer - b.ambitie.nummer)
              .map((a) => (
                <Card key={a.ambitie.id} component="li" withBorder radius="md" padding="md">
                  <Stack gap="xs" h="100%" justify="space-between">
                    <Stack gap={4}>
                      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
                        Ambitie {a.ambitie.nummer}
                      </Text>
                      <Anchor
                        component={Link}
                        to={`/activiteitenplannen/${plan.id}?ambitieId=${a.ambitie.id}`}
                        fw={600}
                        c="koers.8"
                      >
                        {a.ambitie.titel}
                      </Anchor>
                    </Stack>
                    <Stack gap={6}>
                      <SignalCounts telling={a.telling} compact />
                      <Text size="xs" c="dimmed">
                        {formatNumber(a.telling.geevalueerd)} van {formatNumber(a.telling.aantal)} activiteiten
                        geëvalueerd
                      </Text>
                    </Stack>
                  </Stack>
                </Card>
              ))}
          </SimpleGrid>
        </>
      )}
    </section>
  );
}
