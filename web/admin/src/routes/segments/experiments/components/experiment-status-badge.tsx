import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExperimentStatus } from '../../../../hooks/api/experiments.ts';

const COLORS: Record<ExperimentStatus, string> = { running: 'blue', stopped: 'gray' };
const LABELS: Record<ExperimentStatus, string> = { running: 'experiments.statuses.running', stopped: 'experiments.statuses.stopped' };

/** Running (its offers are only their variants' members'), or stopped (everyone's again). */
export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} style={{ flexShrink: 0 }}>
      {t(LABELS[status])}
    </Badge>
  );
}
