import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { QueryState } from '../../components/common/query-state.tsx';
import { useRewards, type Program } from '../../hooks/api/program.ts';
import { starterRewards, useCreateStarterRewards } from '../../hooks/api/setup-checklist.ts';
import { useSession } from '../../hooks/api/session.ts';
import { REQUIRED, STARTER_REWARDS, useSetupProgress, type SetupStep } from '../../hooks/setup-progress.ts';
import { formatNumber, isolate } from '../../lib/format.ts';
import { roleMay } from '../../lib/roles.ts';
import { WidgetInstall } from './components/widget-install.tsx';

/** The way from an empty program to a launched one: each step, whether it is done, and how to do it. */
export default function GettingStartedPage() {
  const { t } = useTranslation();
  const progress = useSetupProgress();
  return (
    <>
      <PageHeader title={t('checklist.title')} description={t('checklist.description')} />
      <QueryState isPending={progress.isPending} error={progress.error}>
        {() => <Checklist done={progress.done!} program={progress.program!} />}
      </QueryState>
    </>
  );
}

function Checklist({ done, program }: { done: Record<SetupStep, boolean>; program: Program }) {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const finished = REQUIRED.every((step) => done[step]);
  return (
    <>
      {finished && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('checklist.finished')}
        </Alert>
      )}
    <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      <Step step="earning" done={done.earning} action={<Anchor component={Link} to="/program">{t('checklist.earning.action')}</Anchor>}>
        {t('checklist.earning.body', { currency: program.currency })}
      </Step>
      <Step step="rewards" done={done.rewards} action={mayChange && !done.rewards ? <StarterRewardsButton currency={program.currency} /> : <Anchor component={Link} to="/program">{t('checklist.rewards.see')}</Anchor>}>
        {t('checklist.rewards.body', { count: STARTER_REWARDS })}
      </Step>
      <Step step="widget" done={done.widget}>
        <WidgetInstall program={program} />
      </Step>
      <Step step="tiers" optional done={done.tiers} action={<Anchor component={Link} to="/program#tiers-title">{t('checklist.tiers.action')}</Anchor>}>
        {t('checklist.tiers.body')}
      </Step>
      <Step step="referrals" optional done={done.referrals} action={<Anchor href="/docs#tag/referrals">{t('checklist.referrals.action')}</Anchor>}>
        {t('checklist.referrals.body')}
      </Step>
      <Step step="store" optional done={done.store} action={<Anchor component={Link} to="/developers/connections">{t('checklist.store.action')}</Anchor>}>
        {t('checklist.store.body')}
      </Step>
    </Stack>
    </>
  );
}

function Step({ step, done, optional, action, children }: { step: SetupStep; done: boolean; optional?: boolean; action?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={`step-${step}`}>
      <Group justify="space-between" align="flex-start" mb={6} gap="xs">
        <Title order={2} size="h4" id={`step-${step}`}>
          {t(`checklist.${step}.title`)}
        </Title>
        <Group gap={6}>
          {optional && <Badge variant="outline" color="gray">{t('checklist.optional')}</Badge>}
          <Badge variant="light" color={done ? 'green' : 'orange'}>
            {done ? t('checklist.done') : t('checklist.todo')}
          </Badge>
        </Group>
      </Group>
      <Stack gap="xs">
        <div>{children}</div>
        {action && <div>{action}</div>}
      </Stack>
    </Paper>
  );
}

function StarterRewardsButton({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const create = useCreateStarterRewards();
  const existing = useRewards().data?.data.map((r) => r.name) ?? [];
  const rewards = starterRewards(currency).filter((r) => !existing.includes(r.name));
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" c="dimmed">
        {rewards.map((r) => `${isolate(r.name)} (${t('common.points', { count: r.points_cost, formatted: formatNumber(r.points_cost ?? 0) })})`).join(' · ')}
      </Text>
      <Button onClick={() => create.mutate(rewards)} loading={create.isPending}>
        {t('checklist.rewards.action')}
      </Button>
      {create.error && (
        <Text c="red" size="sm" role="alert">
          {create.error.message}
        </Text>
      )}
    </Stack>
  );
}
