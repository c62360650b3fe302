import { Alert, Badge, Code, Grid, Group, MultiSelect, Paper, Text, Title } from '@mantine/core';
import { IconBan, IconCircleCheck, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { clients } from '../../api/resources';
import type { Client, ClientInput, ClientMetGeheim, Scope, Versioned } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { NameInput, OptionalSelect } from '../../components/fields';
import { invalidateLists, useRecordForm } from '../../components/recordForm';
import { options, SCOPE_LABELS } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useGemeenten, useSamenwerkingsverbanden, useSchoolbesturen } from '../lookups';
import { SecretModal } from './SecretModal';

interface Values extends Record<string, unknown> {
  naam: string;
  scopes: Scope[];
  gemeenteIds: string[];
  schoolbestuurIds: string[];
  samenwerkingsverbandId: string | null;
  actief: boolean;
}

const labels = {
  naam: 'Naam',
  scopes: 'Rechten',
  gemeenteIds: 'Gemeenten',
  schoolbestuurIds: 'Schoolbesturen',
  samenwerkingsverbandId: 'Samenwerkingsverband',
  actief: 'Status',
};

const empty: Values = {
  naam: '',
  scopes: [],
  gemeenteIds: [],
  schoolbestuurIds: [],
  samenwerkingsverbandId: null,
  actief: true,
};

const toValues = (c: Client): Values => ({
  naam: c.naam,
  scopes: c.scopes,
  gemeenteIds: c.gemeenteIds,
  schoolbestuurIds: c.schoolbestuurIds,
  samenwerkingsverbandId: c.samenwerkingsverbandId ?? null,
  actief: c.actief,
});

export default function ClientPage() {
  return <RecordRoute resource={clients} area="clients" form={ClientForm} />;
}

function ClientForm({ loaded }: RecordFormProps<Client>) {
  const me = useMe();
  const platform = me.rol === 'platformbeheerder';
  const navigate = useNavigate();
  const gemeenten = useGemeenten();
  const besturen = useSchoolbesturen(!platform);
  const swvs = useSamenwerkingsverbanden(platform);
  const [secret, setSecret] = useState<ClientMetGeheim | null>(null);
  const [afterSecret, setAfterSecret] = useState<string | null>(null);

  const f = useRecordForm({
    resource: clients,
    area: 'clients',
    loaded,
    empty,
    toValues,
    toInput: (x: Values): ClientInput => ({
      naam: x.naam.trim(),
      scopes: x.scopes,
      gemeenteIds: x.gemeenteIds,
      schoolbestuurIds: x.scopes.includes('bestuur:read') ? x.schoolbestuurIds : [],
      actief: x.actief,
      ...(platform ? { samenwerkingsverbandId: x.samenwerkingsverbandId } : {}),
    }),
    labels,
    display: {
      scopes: (x) => (x as Scope[]).map((s) => SCOPE_LABELS[s]).join(', ') || '(geen)',
      gemeenteIds: (x) => (x as string[]).map((g) => gemeenten.name(g)).join(', ') || '(geen)',
      schoolbestuurIds: (x) => (x as string[]).map((b) => besturen.name(b)).join(', ') || '(geen)',
      samenwerkingsverbandId: (x) => swvs.name(x as string) || '(alle)',
      actief: (x) => (x ? 'actief' : 'ingetrokken'),
    },
    validate: {
      naam: v.name('Naam'),
      scopes: v.required('Recht'),
      gemeenteIds: (value, values) =>
        values.scopes.includes('jop:read') && value.length === 0
          ? 'Kies ten minste één gemeente: de JOP-monitor toont de cijfers van haar gemeenten'
          : null,
      schoolbestuurIds: (value, values) =>
        values.scopes.includes('bestuur:read') && value.length === 0
          ? 'Kies ten minste één schoolbestuur: de bestuursmonitor toont de cijfers van zijn scholen'
          : null,
    },
    savedMessage: loaded ? 'De client is opgeslagen.' : 'De client is aangemaakt.',
    savedTo: (client, created) => (created && 'clientSecret' in client ? undefined : '/clients'),
    onSaved: (client, created) => {
      if (created && 'clientSecret' in client) {
        setSecret(client as ClientMetGeheim);
        setAfterSecret(`/clients/${client.id}`);
      }
    },
  });

  const actief = f.form.getValues().actief;
  const bestuur = f.form.getValues().scopes.includes('bestuur:read');
  const current = loaded?.data;

  return (
    <>
      <RecordFormPage
        form={f}
        title={
          current ? (
            <Group gap="sm" component="span">
              {current.naam}
              {actief ? (
                <Badge variant="outline" color="green" size="lg">
                  Actief
                </Badge>
              ) : (
                <Badge variant="outline" color="red" size="lg">
                  Ingetrokken
                </Badge>
              )}
            </Group>
          ) : (
            'Nieuwe client'
          )
        }
        pageTitle={current ? current.naam : 'Nieuwe client'}
        heading={
          current && (
            <Title order={2} size="h4">
              Gegevens
            </Title>
          )
        }
        submitLabel={current ? 'Opslaan' : 'Aanmaken'}
        deleteWhat={(c) => `de client ${c.naam}`}
        sections={{
          gap: 'lg',
          before: current && (
            <Toegang
              client={current}
              actief={actief}
              etag={f.etag}
              onChanged={(latest) => f.adopt(latest, ['actief'])}
              onSecret={setSecret}
            />
          ),
        }}
      >
        {!current && (
          <Alert color="koers" icon={<IconInfoCircle aria-hidden />}>
            Na het aanmaken ziet u het geheim één keer. Houd een veilige plek klaar om het te bewaren.
          </Alert>
        )}
        <NameInput {...f.field('naam', 'Voor wie of wat de client is, bijv. "Gemeente Haarlem - JOP-monitor"')} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect
              label="Rechten"
              required
              data={options(SCOPE_LABELS)}
              {...f.field('scopes', 'Wat de client via de API mag')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect
              label="Gemeenten"
              searchable
              data={gemeenten.options ?? []}
              nothingFoundMessage="Geen gemeente met deze naam"
              {...f.field('gemeenteIds', 'Voor een gemeente-client: de gemeenten waarvan hij cijfers ziet')}
            />
          </Grid.Col>
          {bestuur && !platform && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label="Schoolbesturen"
                required
                searchable
                data={besturen.options ?? []}
                nothingFoundMessage="Geen schoolbestuur met deze naam"
                {...f.field('schoolbestuurIds', 'De besturen waarvan de client de bestuursmonitor leest')}
              />
            </Grid.Col>
          )}
          {platform && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <OptionalSelect
                label="Samenwerkingsverband"
                data={swvs.options}
                placeholder="Alle (alleen JOP-monitor lezen)"
                {...f.field('samenwerkingsverbandId', 'Leeg: een gemeente-client over alle samenwerkingsverbanden')}
              />
            </Grid.Col>
          )}
        </Grid>
      </RecordFormPage>
      <SecretModal
        client={secret}
        onClose={() => {
          setSecret(null);
          if (afterSecret) void navigate(afterSecret, { replace: true });
        }}
      />
    </>
  );
}

/** The client's id, a new secret, and revoking or activating it again. */
function Toegang({
  client,
  actief,
  etag,
  onChanged,
  onSecret,
}: {
  client: Client;
  actief: boolean;
  etag: string | null;
  onChanged: (latest: Versioned<Client>) => void;
  onSecret: (secret: ClientMetGeheim) => void;
}) {
  const queryClient = useQueryClient();
  const setActief = async (value: boolean, message: string) => {
    onChanged(await clients.setActief(client.id, value, etag));
    notifications.show({ color: 'green', message });
    await invalidateLists(queryClient, '/clients');
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="xs">
        Toegang
      </Title>
      <Text size="sm" mb="sm">
        Client-id: <Code>{client.clientId}</Code>
      </Text>
      <Text size="sm" mb="md">
        Het geheim is alleen bij het aanmaken getoond. Kwijt of uitgelekt? Maak een nieuw geheim; het oude werkt dan
        direct niet meer.
      </Text>
      <Group gap="sm">
        <ConfirmButton
          label="Nieuw geheim maken"
          title="Nieuw geheim maken"
          confirmLabel="Nieuw geheim maken"
          leftSection={<IconRefresh size={16} aria-hidden />}
          buttonProps={{ variant: 'default' }}
          onConfirm={async () => {
            const rotated = await clients.rotateSecret(client.id);
            onChanged(await clients.get(client.id));
            onSecret(rotated);
            await invalidateLists(queryClient, '/clients');
          }}
        >
          Het huidige geheim van <strong>{client.naam}</strong> werkt direct niet meer. Koppelingen die het gebruiken,
          hebben het nieuwe geheim nodig.
        </ConfirmButton>
        {actief ? (
          <ConfirmButton
            label="Intrekken"
            title="Client intrekken"
            confirmLabel="Intrekken"
            confirmColor="red.8"
            leftSection={<IconBan size={16} aria-hidden />}
            buttonProps={{ variant: 'outline', color: 'red.8' }}
            onConfirm={() => setActief(false, 'De client is ingetrokken.')}
          >
            <strong>{client.naam}</strong> krijgt direct geen nieuwe tokens meer. U kunt de client later weer activeren.
          </ConfirmButton>
        ) : (
          <ConfirmButton
            label="Weer activeren"
            title="Client weer activeren"
            confirmLabel="Activeren"
            leftSection={<IconCircleCheck size={16} aria-hidden />}
            buttonProps={{ variant: 'default' }}
            onConfirm={() => setActief(true, 'De client is weer actief.')}
          >
            <strong>{client.naam}</strong> kan dan weer tokens krijgen met het huidige geheim.
          </ConfirmButton>
        )}
      </Group>
    </Paper>
  );
}
