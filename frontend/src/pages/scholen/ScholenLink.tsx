import { IconSchool } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { LinkButton } from '../../components/LinkButton';

/** The way to the list of schools that belong to a record. */
export function ScholenLink({
  filter,
  id,
  children,
}: {
  filter: 'gemeenteId' | 'schoolbestuurId' | 'werkgebiedId';
  id: string;
  children: ReactNode;
}) {
  return (
    <LinkButton to={`/scholen?${filter}=${id}`} icon={IconSchool} variant="default">
      {children}
    </LinkButton>
  );
}
