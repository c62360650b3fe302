import { werkgebieden } from '../../api/resources';
import type { Werkgebied } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { textFields, useRecordForm } from '../../components/recordForm';
import { NameInput } from '../../components/fields';
import * as v from '../../lib/validation';
import { ScholenLink } from '../scholen/ScholenLink';

const fields = textFields({ naam: 'Naam' });

export default function WerkgebiedPage() {
  return <RecordRoute resource={werkgebieden} area="werkgebieden" form={WerkgebiedForm} />;
}

function WerkgebiedForm({ loaded }: RecordFormProps<Werkgebied>) {
  const f = useRecordForm({
    resource: werkgebieden,
    loaded,
    ...fields,
    area: 'werkgebieden',
    validate: { naam: v.name('Naam') },
    savedMessage: 'Het werkgebied is opgeslagen.',
  });

  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.naam : 'Nieuw werkgebied'}
      actions={
        loaded && (
          <ScholenLink filter="werkgebiedId" id={loaded.data.id}>
            Scholen in dit werkgebied
          </ScholenLink>
        )
      }
      readOnlyWho="een beheerder van het samenwerkingsverband"
      deleteWhat={(w) => `het werkgebied ${w.naam}`}
    >
      <NameInput {...f.field('naam')} />
    </RecordFormPage>
  );
}
