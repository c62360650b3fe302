import { Alert, Anchor, Badge, Grid, Group, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import {
  IconFlag,
  IconHome,
  IconHomeExclamation,
  IconInfoCircle,
  IconSchool,
  IconSwitchHorizontal,
  IconTrash,
} from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { thuiszitters } from '../../api/resources';
import type { Thuiszitter, Verloop, Versioned } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Fact, RecordFact } from '../../components/Fact';
import { BackLink, RecordMeta } from '../../components/FormParts';
import { EditButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { RecordLoader } from '../../components/RecordLoader';
import { StapFormulier, Uitklap, useStap } from '../../components/stap';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { EINDREDEN_LABELS } from '../../lib/labels';
import {
  eersteSituatie,
  huidigeSituatie,
  isLeerplicht,
  nieuwsteEerst,
  perspectiefTekst,
  situatieTekst,
  wekenTekst,
  wekenThuis,
} from '../../lib/thuiszitters';
import { useReferentie } from '../leerlingen/hooks';
import { useGemeenten, useScholen } from '../lookups';
import { PerspectiefCel, ThuisBadge, useHerlaadCasus, useNaWijziging } from './parts';
import { scenarioFout, situatieInvoer, SituatieVelden, SITUATIE_LABELS, type SituatieWaarden } from './velden';
import { DateField } from '../../components/DateField';

/** `/thuiszitters/:id`: one case, its situation now and how it changed, and a quick way to record a change. */
export default function ThuiszitterPage() {
  const { id } = useParams();
  return (
    <RecordLoader resource={thuiszitters} id={id} listPath="/thuiszitters" listLabel="het thuiszittersbord">
      {(loaded) => (loaded ? <Dossier casus={loaded} /> : null)}
    </RecordLoader>
  );
}

function Dossier({ casus }: { casus: Versioned<Thuiszitter> }) {
  const t = casus.data;
  const schrijven = useCanWrite('thuiszitters');
  const referentie = useReferentie(t.leerlingId);
  const gesloten = t.einddatum !== null && t.einddatum !== undefined && t.einddatum <= vandaagNl();
  return (
    <>
      <BackLink to="/thuiszitters">Naar het thuiszittersbord</BackLink>
      <PageHeader
        title={`Thuiszitter ${referentie.data ?? ''}`.trim()}
        description={
          <Group gap="xs" component="span">
            {gesloten ? (
              <Badge variant="light" color="gray" radius="sm" tt="none" className="badge-heel">
                Afgesloten
              </Badge>
            ) : (
              <ThuisBadge t={t} metThuis />
            )}
            <RecordMeta record={t} />
          </Group>
        }
        actions={
          schrijven ? (
            <EditButton to={`/thuiszitters/${t.id}/bewerken`}>
              {gesloten ? 'Bewerken' : 'Bewerken of afsluiten'}
            </EditButton>
          ) : undefined
        }
      />
      <Stack gap="lg" maw={1100}>
        <Nu casus={t} gesloten={gesloten} />
        <VerloopPanel casus={casus} schrijven={schrijven} />
        <Text size="xs" c="dimmed">
          Dat u dit dossier hebt geopend, staat in het auditlog van het samenwerkingsverband.
        </Text>
      </Stack>
    </>
  );
}

/** The case as it stands: the pupil, the situation and perspective now, and how long at home. */
function Nu({ casus: t, gesloten }: { casus: Thuiszitter; gesloten: boolean }) {
  const referentie = useReferentie(t.leerlingId);
  const scholen = useScholen();
  const gemeenten = useGemeenten();
  const situatie = huidigeSituatie(t);
  const vandaag = vandaagNl();
  const weken = wekenThuis(t.thuisSinds, gesloten && t.einddatum ? t.einddatum : vandaag);
  const school = t.schoolId ? { id: t.schoolId, naam: scholen.name(t.schoolId) } : undefined;
  const gemeente = { id: t.gemeenteId, naam: gemeenten.name(t.gemeenteId) };
  return (
    <Panel id="nu-kop" title={gesloten ? 'Het dossier' : 'Nu'} titleGap="sm">
      <Stack gap="md">
        {gesloten && t.einddatum && (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="sm">
            <Text size="sm">
              Afgesloten op {formatDate(t.einddatum)}
              {t.eindreden ? `: ${EINDREDEN_LABELS[t.eindreden].toLowerCase()}` : ''}.
              {weken !== null ? ` De leerling zat ${wekenTekst(weken)} thuis.` : ''}
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md" data-testid="thuiszitter-nu">
          <Fact
            label="Leerling"
            value={
              <Anchor component={Link} to={`/leerlingen/${t.leerlingId}`} size="sm">
                {referentie.data ?? 'Naar de leerling'}
              </Anchor>
            }
          />
          <Fact label={gesloten ? 'Laatste situatie' : 'Situatie'} value={situatie ? situatieTekst(situatie) : '—'} />
          <Fact label={gesloten ? 'Laatste perspectief' : 'Perspectief'} value={<PerspectiefCel t={t} />} />
          <Fact
            label="Thuis"
            value={
              t.thuisSinds && weken !== null
                ? gesloten && t.einddatum
                  ? `${wekenTekst(weken)}, van ${formatDate(t.thuisSinds)} tot ${formatDate(t.einddatum)}`
                  : `${wekenTekst(weken)}, sinds ${formatDate(t.thuisSinds)}`
                : gesloten
                  ? 'Niet thuis geweest (dreigend)'
                  : 'Nog niet thuis (dreigend)'
            }
          />
          <RecordFact label="Woongemeente" record={gemeente.naam ? gemeente : undefined} path="/gemeenten" />
          {school ? (
            <RecordFact label="School" record={school.naam ? school : undefined} path="/scholen" />
          ) : (
            <Fact label="School" value="Niet ingeschreven" />
          )}
          <Fact label="Startdatum" value={<span className="tabular">{formatDate(t.startdatum)}</span>} />
          {t.einddatum && !gesloten && (
            <Fact
              label="Sluit op"
              value={`${formatDate(t.einddatum)}${t.eindreden ? ` (${EINDREDEN_LABELS[t.eindreden].toLowerCase()})` : ''}`}
            />
          )}
          {situatie && isLeerplicht(situatie.categorie) && (
            <Fact label="5a-screening" value={situatie.screening5a ? 'Gestart' : 'Niet gestart'} />
          )}
        </SimpleGrid>
        {t.toelichting && (
          <Fact
            label="Toelichting"
            value={
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t.toelichting}
              </Text>
            }
          />
        )}
      </Stack>
    </Panel>
  );
}

/** The bullet of a situation: at risk, at home, back at school, or the start. */
function bulletVan(v: Verloop) {
  if (v.categorie === 'dreigend') return IconHomeExclamation;
  if (v.perspectief?.startsWith('geplaatst_') || v.perspectief === 'onderwijszorg') return IconSchool;
  return IconHome;
}

/** How the situation changed, newest first: what a consulent reads first is where the pupil is now. */
function VerloopPanel({ casus, schrijven }: { casus: Versioned<Thuiszitter>; schrijven: boolean }) {
  const t = casus.data;
  const naWijziging = useNaWijziging(t.id);
  const items = nieuwsteEerst(t.verloop);
  const eerste = eersteSituatie(t.verloop);
  const nu = t.actueel?.id;
  // Newest first, so the line is coloured from the start (at the bottom) up to the situation of now;
  // `reverseActive` counts `active` from the bottom.
  const huidig = items.findIndex((v) => v.id === nu);
  const actief = huidig >= 0 ? items.length - 1 - huidig : t.einddatum ? items.length - 1 : -1;
  const vandaag = vandaagNl();
  const open = !t.einddatum;
  return (
    <Panel id="verloop-kop" title={`Verloop (${items.length})`} titleGap="sm">
      <Stack gap="md">
        {schrijven && open && (
          <Uitklap label="Situatie gewijzigd" icon={IconSwitchHorizontal}>
            {(sluit) => <SituatieGewijzigd casus={casus} onKlaar={sluit} />}
          </Uitklap>
        )}
        <Timeline active={actief} reverseActive bulletSize={26} lineWidth={2}>
          {items.map((v) => {
            const Bullet = v.id === eerste?.id ? IconFlag : bulletVan(v);
            const gepland = v.vanaf > vandaag;
            return (
              <Timeline.Item
                key={v.id}
                bullet={<Bullet size={14} aria-hidden />}
                lineVariant={gepland ? 'dashed' : 'solid'}
                data-testid="verloop-regel"
                title={
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600} size="sm">
                      {situatieTekst(v)}
                    </Text>
                    {v.id === nu && (
                      <Badge size="sm" variant="filled" color="koers.8" radius="sm" tt="none">
                        Nu
                      </Badge>
                    )}
                    {gepland && (
                      <Badge size="sm" variant="outline" color="gray.8" radius="sm" tt="none">
                        Vanaf {formatDate(v.vanaf)}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed" className="tabular">
                  {v.id === eerste?.id
                    ? `Start van het dossier, ${formatDate(v.vanaf)}`
                    : `Vanaf ${formatDate(v.vanaf)}`}
                </Text>
                <Text size="sm">
                  {perspectiefTekst(v)}
                  {isLeerplicht(v.categorie) && v.screening5a ? ' · 5a-screening gestart' : ''}
                </Text>
                {schrijven && v.id !== eerste?.id && (
                  <ConfirmButton
                    label="Verwijderen"
                    ariaLabel={`Situatie van ${formatDate(v.vanaf)} verwijderen`}
                    title="Situatie verwijderen"
                    confirmLabel="Verwijderen"
                    confirmColor="red.8"
                    buttonProps={{ variant: 'subtle', color: 'red.8', size: 'compact-xs', mt: 4 }}
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onConfirm={async () => naWijziging(await thuiszitters.verwijderSituatie(t.id, v.id, casus.etag))}
                  >
                    De situatie van {formatDate(v.vanaf)} ({situatieTekst(v).toLowerCase()}) wordt uit het verloop
                    verwijderd; vanaf die dag geldt weer de situatie ervoor. Dit is voor een vergissing: een echte
                    verandering legt u vast als nieuwe situatie.
                  </ConfirmButton>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Stack>
    </Panel>
  );
}

interface Nieuw extends SituatieWaarden {
  vanaf: string;
}

/**
 * The quick form of a change: from a day on (today unless said otherwise), the situation and the
 * perspective, starting from those of now so only what changed need be touched.
 */
function SituatieGewijzigd({ casus, onKlaar }: { casus: Versioned<Thuiszitter>; onKlaar: () => void }) {
  const t = casus.data;
  const nu = huidigeSituatie(t);
  const naWijziging = useNaWijziging(t.id);
  const herlaad = useHerlaadCasus(t.id);
  const stap = useStap<Thuiszitter, Nieuw>({
    record: casus,
    initialValues: {
      vanaf: vandaagNl(),
      categorie: nu?.categorie ?? null,
      scenario: nu?.scenario ?? null,
      screening5a: nu?.screening5a ?? false,
      perspectief: nu?.perspectief ?? null,
    },
    labels: { vanaf: 'Vanaf', ...SITUATIE_LABELS },
    validate: {
      vanaf: (value, values) => {
        if (!value) return 'Vul in vanaf wanneer de situatie geldt';
        // The case read now, not the one this form opened with: someone may have added a situation.
        const c = casus.data;
        if (value <= c.startdatum) return `De nieuwe situatie begint na de startdatum (${formatDate(c.startdatum)})`;
        if (c.einddatum && value >= c.einddatum) return `Het dossier sluit op ${formatDate(c.einddatum)}`;
        if (c.verloop.some((v) => v.vanaf === value)) {
          return `Op ${formatDate(value)} begint al een situatie; verwijder die of kies een andere dag`;
        }
        const geldend = nieuwsteEerst(c.verloop).find((v) => v.vanaf <= value);
        return geldend && zelfde(geldend, values)
          ? 'Dit is de situatie die dan al geldt: wijzig de situatie of het perspectief'
          : null;
      },
      categorie: (value) => (value ? null : 'Kies de situatie'),
      scenario: scenarioFout,
    },
    send: (values, etag) => thuiszitters.nieuweSituatie(t.id, { vanaf: values.vanaf, ...situatieInvoer(values) }, etag),
    naStap: naWijziging,
    herlaad,
    gelukt: 'De nieuwe situatie staat in het verloop.',
    onGelukt: onKlaar,
  });
  const categorie = stap.form.getValues().categorie;
  return (
    <StapFormulier stap={stap} label="Situatie gewijzigd" submitLabel="Vastleggen" onAnnuleer={onKlaar}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label="Vanaf"
            required
            min={t.startdatum}
            {...stap.field('vanaf', 'De eerste dag van de nieuwe situatie')}
          />
        </Grid.Col>
        <SituatieVelden
          field={stap.field}
          categorie={categorie}
          onCategorie={(c) => {
            stap.form.setFieldValue('categorie', c);
            if (c !== 'dreigend') stap.form.setFieldValue('scenario', null);
            stap.form.clearFieldError('scenario');
          }}
        />
      </Grid>
    </StapFormulier>
  );
}

function zelfde(v: Verloop, w: SituatieWaarden): boolean {
  const nieuw = situatieInvoer(w);
  return (
    v.categorie === nieuw.categorie &&
    (v.scenario ?? null) === nieuw.scenario &&
    (v.perspectief ?? null) === nieuw.perspectief &&
    (isLeerplicht(v.categorie) && v.screening5a) === nieuw.screening5a
  );
}
