import { NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRewards } from '../../../hooks/api/program.ts';

/** One of the program's fixed-cost rewards (what cards, challenges, tiers and plans give free), or none when optional. */
export function RewardSelect({ label, description, value, onChange, error, optional = false }: { label: string; description?: ReactNode; value: string; onChange: (id: string) => void; error?: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  const rewards = (useRewards().data?.data ?? []).filter((r) => r.points_cost !== undefined && r.points_cost !== null && r.status !== 'archived');
  const options = [...(optional || value === '' ? [{ value: '', label: optional ? t('engagementForm.noReward') : t('engagementForm.chooseReward') }] : []), ...rewards.map((r) => ({ value: r.id, label: r.name }))];
  return <NativeSelect label={label} description={description} required={!optional} value={value} onChange={(e) => onChange(e.currentTarget.value)} data={options} error={error} />;
}
