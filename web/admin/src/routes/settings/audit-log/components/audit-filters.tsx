import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../../components/common/export-button.tsx';
import { auditLogExportUrl, type AuditFilter } from '../../../../hooks/api/audit-log.ts';

const clean = (f: AuditFilter): AuditFilter => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as AuditFilter;

export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(filter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(clean(draft));
  };
  const field = (key: keyof AuditFilter) => ({ value: draft[key] ?? '', onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.currentTarget.value }) });
  return (
    <form onSubmit={submit} aria-label={t('audit.filters')}>
      <Group align="flex-end" gap="xs">
        <TextInput label={t('audit.actor')} description={t('audit.actorHint')} {...field('actor')} style={{ flex: '1 1 11rem' }} />
        <TextInput label={t('audit.objectId')} description={t('audit.objectIdHint')} {...field('object_id')} style={{ flex: '1 1 11rem' }} />
        <TextInput label={t('audit.action')} description={t('audit.actionHint')} {...field('action')} style={{ flex: '1 1 11rem' }} />
        <Button type="submit">{t('audit.apply')}</Button>
        <ExportButton url={auditLogExportUrl(filter)} filename="audit-log.csv" label={t('audit.export')} />
      </Group>
    </form>
  );
}
