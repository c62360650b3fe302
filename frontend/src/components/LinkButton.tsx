import { Button, type ButtonVariant } from '@mantine/core';
import { IconPencil, IconPlus, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A button that opens another page, with an icon before its label. */
export function LinkButton({
  to,
  icon: LinkIcon,
  variant,
  children,
}: {
  to: string;
  icon: Icon;
  variant?: ButtonVariant;
  children: ReactNode;
}) {
  return (
    <Button component={Link} to={to} variant={variant} leftSection={<LinkIcon size={16} aria-hidden />}>
      {children}
    </Button>
  );
}

/** The way to a new record. */
export function NewButton({ to, variant, children }: { to: string; variant?: ButtonVariant; children: ReactNode }) {
  return (
    <LinkButton to={to} icon={IconPlus} variant={variant}>
      {children}
    </LinkButton>
  );
}

/** The way to a record's form. */
export function EditButton({ to, children = 'Bewerken' }: { to: string; children?: ReactNode }) {
  return (
    <LinkButton to={to} icon={IconPencil} variant="default">
      {children}
    </LinkButton>
  );
}
