import { Grid } from '@mantine/core';
import { gemeenten } from '../../api/resources';
import type { Gemeente } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { CodeInput, NameInput } from '../../components/fields';
import { textFields, useRecordForm } from '../../components/recordForm';
import * as v from '../../lib/validation';
import { ScholenLink } from '../scholen/ScholenLink';

const fields = textFields({ naam: 'Naam', cbsCode: 'CBS-code' });

export default function GemeentePage() {
  return <RecordRoute resource={gemeenten} area="gemeenten" form={GemeenteForm} />;
}

function GemeenteForm({ loaded }: RecordFormProps<Gemeente>) {
  const me = useMe();
  const f = useRecordForm({
    resource: gemeenten,
    loaded,
    ...fields,
    area: 'gemeenten',
    validate: { naam: v.name('Naam'), cbsCode: v.cbsCode },
    savedMessage: 'De gemeente is opgeslagen.',
  });

  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.naam : 'Nieuwe gemeente'}
      actions={
        loaded &&
        canRead(me, 'scholen') && (
          <ScholenLink filter="gemeenteId" id={loaded.data.id}>
            Scholen in deze gemeente
          </ScholenLink>
        )
      }
      readOnlyWho="de platformbeheerder"
      deleteWhat={(g) => `de gemeente ${g.naam}`}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <NameInput {...f.field('naam')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <CodeInput label="CBS-code" maxLength={4} {...f.field('cbsCode', '4 cijfers (Haarlem: 0392)')} />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
