import { useDisclosure } from '@mantine/hooks';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldError, formError } from '../api/client.ts';

/**
 * A create dialog's state: whether it is open, the draft being typed, and the API's answer: its
 * errors by the field they name, and the rest for above the form. Saving closes and clears it.
 * `edit` opens it on a draft of what exists, for a dialog that also changes things.
 */
export function useFormDialog<Draft, Body, Result>(empty: Draft, mutation: UseMutationResult<Result, Error, Body>, toBody: (draft: Draft) => Body, fields: readonly string[]) {
  const [opened, { open, close }] = useDisclosure();
  const [draft, setDraft] = useState(empty);
  const done = () => {
    close();
    setDraft(empty);
    mutation.reset();
  };
  return {
    open,
    edit: (existing: Draft) => {
      setDraft(existing);
      open();
    },
    draft,
    change:
      <K extends keyof Draft>(key: K) =>
      (value: Draft[K]) =>
        setDraft((d) => ({ ...d, [key]: value })),
    error: (field: string) => fieldError(mutation.error, field),
    dialog: { opened, onClose: done, onSubmit: () => mutation.mutate(toBody(draft), { onSuccess: done }), pending: mutation.isPending, error: formError(mutation.error, fields) },
  };
}

/** What a Mantine NumberInput's change holds as a number, or '' while it is not one. */
export const numberOrEmpty = (value: string | number): number | '' => (typeof value === 'number' ? value : '');
/** An optional field of a draft: left out of the request while it is empty. */
export const unlessEmpty = <T,>(value: T | ''): T | undefined => (value === '' ? undefined : value);
