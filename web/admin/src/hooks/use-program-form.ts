import { useEffect, useState, type FormEvent } from 'react';
import { fieldError, formError } from '../api/client.ts';
import { useUpdateProgram, type Program, type ProgramChange } from './api/program.ts';

/**
 * A form over some of the program's settings: its values as read (again whenever the program is),
 * a setter per field, saving what changed with PATCH /v1/program, whether that just succeeded,
 * and the API's errors beside their fields (`fields`) or above the form.
 */
export function useProgramForm<F>(program: Program, formOf: (program: Program) => F, changeOf: (form: F) => ProgramChange, fields: readonly string[]) {
  const update = useUpdateProgram();
  const [form, setForm] = useState<F>(() => formOf(program));
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(formOf(program)), [program, formOf]);
  const set =
    <K extends keyof F>(key: K) =>
    (value: F[K]) => {
      setSaved(false);
      setForm((f) => ({ ...f, [key]: value }));
    };
  const change = changeOf(form);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(change, { onSuccess: () => setSaved(true) });
  };
  return { form, set, change, submit, saved, update, error: (field: string) => fieldError(update.error, field), general: formError(update.error, fields) };
}
