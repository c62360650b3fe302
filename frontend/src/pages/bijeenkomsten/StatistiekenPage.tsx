import { Text } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';

// Placeholder so the route builds; the statistics page itself is written separately.
export default function StatistiekenPage() {
  return (
    <>
      <PageHeader title="Statistieken bijeenkomsten" />
      <Text>De statistieken van de bijeenkomsten volgen hier.</Text>
    </>
  );
}
