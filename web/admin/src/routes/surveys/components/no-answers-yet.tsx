import { Button, Group, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/common/query-state.tsx';

/** Nobody has answered yet: the three ways customers are asked, and where to start one. */
export function NoAnswersYet() {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <EmptyState
        title={t('surveys.emptyTitle')}
        action={
          <Group justify="center" gap="sm" mt="sm">
            <Button component={Link} to="/emails">
              {t('surveys.emptyFlow')}
            </Button>
            <Button component={Link} to="/emails/campaigns/new" variant="default">
              {t('surveys.emptyCampaign')}
            </Button>
          </Group>
        }
      >
        {t('surveys.emptyBody')}
      </EmptyState>
    </Paper>
  );
}
