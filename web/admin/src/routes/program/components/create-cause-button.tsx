import { Button, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { useCreateCause, type NewCause } from '../../../hooks/api/catalog.ts';
import { useFormDialog } from '../../../hooks/use-form-dialog.ts';

const FIELDS = ['name', 'description'] as const;
const EMPTY = { name: '', description: '' };
const toCause = (d: typeof EMPTY): NewCause => ({ name: d.name.trim(), ...(d.description.trim() ? { description: d.description.trim() } : {}) });

/** A cause shoppers give their points to, through a charity donation reward. */
export function CreateCauseButton() {
  const { t } = useTranslation();
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateCause(), toCause, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('engagementForm.cause.open')}</Button>
      <FormDialog {...dialog} title={t('engagementForm.cause.open')} submitLabel={t('engagementForm.cause.submit')}>
        <TextInput label={t('program.name')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        <Textarea label={t('engagementForm.cause.description')} description={t('engagementForm.cause.descriptionHint')} autosize minRows={2} value={draft.description} onChange={(e) => change('description')(e.currentTarget.value)} error={error('description')} />
      </FormDialog>
    </>
  );
}
