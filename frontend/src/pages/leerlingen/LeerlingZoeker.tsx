import { ActionIcon, TextInput, type TextInputProps } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { leerlingen } from '../../api/resources';
import type { Leerling } from '../../api/types';
import type { FilterControlProps } from '../../components/DataList';
import { useDraft } from '../../components/useDraft';
import { rememberReferentie, useReferentie } from './hooks';

/**
 * The pupil filter: the exact reference, looked up on Enter (that look-up is itself a read of a
 * pupil). In a form it is a field too: required, with its help text and the form's error, and
 * `onFound` to take over what the pupil says (its school).
 */
export function LeerlingZoeker({
  label,
  value,
  onChange,
  onFound,
  error: formError,
  ...props
}: FilterControlProps &
  Pick<TextInputProps, 'required' | 'description' | 'error' | 'readOnly' | 'onBlur'> & {
    onFound?: (leerling: Leerling) => void;
  }) {
  const queryClient = useQueryClient();
  const referentie = useReferentie(value);
  const shown = value ? (referentie.data ?? '') : '';
  const [text, setText] = useDraft(shown);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const zoek = async () => {
    const ref = text.trim();
    setError(null);
    if (ref === '') {
      onChange(null);
      return;
    }
    if (ref === shown) return;
    setBusy(true);
    try {
      const found = (await leerlingen.list({ referentie: ref, pageSize: 1 })).items[0];
      if (found) {
        rememberReferentie(queryClient, found);
        onChange(found.id);
        onFound?.(found);
      } else {
        setError('Geen leerling met deze referentie');
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <TextInput
      label={label}
      placeholder="Referentie, dan Enter"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        setError(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          void zoek();
        }
      }}
      error={error ?? formError}
      {...props}
      // In a form, leaving the field looks the pupil up as well (nobody need know about Enter).
      onBlur={(event) => {
        props.onBlur?.(event);
        if (onFound && !props.readOnly) void zoek();
      }}
      autoComplete="off"
      spellCheck={false}
      rightSection={
        props.readOnly ? undefined : (
          <ActionIcon variant="subtle" onClick={() => void zoek()} loading={busy} aria-label="Leerling zoeken">
            <IconSearch size={16} aria-hidden />
          </ActionIcon>
        )
      }
    />
  );
}
