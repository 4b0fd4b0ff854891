import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Experiment } from '../../../../../hooks/api/experiments.ts';
import { formatDate, formatNumber, isolate } from '../../../../../lib/format.ts';

const DAY_MS = 86_400_000;

/** Until all its days have passed the figures are so far; stopped sooner, they end when it stopped. Nothing to say once the window is complete. */
export function WindowNote({ experiment: e }: { experiment: Experiment }) {
  const { t } = useTranslation();
  if (e.window.complete) return null;
  const ends = new Date(Date.parse(e.started_at) + e.days * DAY_MS).toISOString();
  const words = { count: e.days, formatted: formatNumber(e.days), ends: isolate(formatDate(ends)), stopped: isolate(formatDate(e.window.to)) };
  return (
    <Alert color="blue" variant="light" role="status">
      {t(e.status === 'stopped' ? 'experiments.stoppedEarly' : 'experiments.soFar', words)}
    </Alert>
  );
}
