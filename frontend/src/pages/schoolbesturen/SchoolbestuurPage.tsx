import { Grid } from '@mantine/core';
import { schoolbesturen } from '../../api/resources';
import type { Schoolbestuur } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { CodeInput, NameInput } from '../../components/fields';
import { textFields, useRecordForm } from '../../components/recordForm';
import * as v from '../../lib/validation';
import { ScholenLink } from '../scholen/ScholenLink';

const fields = textFields({ naam: 'Naam', bevoegdGezagNummer: 'Bevoegd-gezagnummer' });

export default function SchoolbestuurPage() {
  return <RecordRoute resource={schoolbesturen} area="schoolbesturen" form={SchoolbestuurForm} />;
}

function SchoolbestuurForm({ loaded }: RecordFormProps<Schoolbestuur>) {
  const f = useRecordForm({
    resource: schoolbesturen,
    loaded,
    ...fields,
    area: 'schoolbesturen',
    validate: { naam: v.name('Naam'), bevoegdGezagNummer: v.bevoegdGezagNummer },
    savedMessage: 'Het schoolbestuur is opgeslagen.',
  });

  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.naam : 'Nieuw schoolbestuur'}
      actions={
        loaded && (
          <ScholenLink filter="schoolbestuurId" id={loaded.data.id}>
            Scholen van dit bestuur
          </ScholenLink>
        )
      }
      readOnlyWho="een beheerder van het samenwerkingsverband"
      deleteWhat={(b) => `het schoolbestuur ${b.naam}`}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <NameInput {...f.field('naam')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <CodeInput
            label="Bevoegd-gezagnummer"
            maxLength={5}
            {...f.field('bevoegdGezagNummer', 'Het nummer bij DUO, bijv. 41590')}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
