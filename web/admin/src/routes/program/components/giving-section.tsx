import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { QueryState } from '../../../components/common/query-state.tsx';
import { SaveStatus } from '../../../components/common/save-status.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useCauses, type Cause } from '../../../hooks/api/catalog.ts';
import { useProgram, type Program, type ProgramChange } from '../../../hooks/api/program.ts';
import { useProgramForm } from '../../../hooks/use-program-form.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatMoney, isolate, minorDigits } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';

const FIELDS = ['giving_percent', 'giving_fixed', 'giving_cause_id'] as const;

interface Form {
  percent: number | '';
  fixed: number | '';
  causeId: string;
}

const formOf = (p: Program): Form => ({ percent: p.giving_percent, fixed: p.giving_fixed, causeId: p.giving_cause_id ?? '' });

/** What changed, as PATCH /v1/program takes it. */
function changeOf(form: Form, program: Program): ProgramChange {
  const was = formOf(program);
  return {
    ...(form.percent !== '' && form.percent !== was.percent ? { giving_percent: form.percent } : {}),
    ...(form.fixed !== '' && form.fixed !== was.fixed ? { giving_fixed: form.fixed } : {}),
    ...(form.causeId !== was.causeId ? { giving_cause_id: form.causeId || null } : {}),
  };
}

/**
 * "Giving on orders" (docs/rewards.md#merchant-funded-giving): the share of each order the
 * program gives, to the cause the customer chose or else to the default cause chosen here.
 */
export function GivingSection() {
  const { t } = useTranslation();
  const program = useProgram();
  const causes = useCauses();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  return (
    <Section id="giving-title" title={t('giving.title')}>
      <Paper withBorder p="md">
        <QueryState isPending={program.isPending || causes.isPending} error={program.error ?? causes.error}>
          {() => <GivingForm program={program.data!} causes={causes.data!.data} mayChange={mayChange} />}
        </QueryState>
      </Paper>
    </Section>
  );
}

function GivingForm({ program, causes, mayChange }: { program: Program; causes: Cause[]; mayChange: boolean }) {
  const { t } = useTranslation();
  const { form, set, change, submit, saved, update, error, general } = useProgramForm(program, formOf, (f) => changeOf(f, program), FIELDS);
  const currency = program.currency;
  // An archived cause can no longer be chosen, but the one the program has stays shown as it is.
  const choices = causes.filter((c) => c.status === 'active' || c.id === program.giving_cause_id);
  const options = [{ value: '', label: t('giving.noCause') }, ...choices.map((c) => ({ value: c.id, label: c.status === 'active' ? c.name : t('giving.archived', { name: c.name }) }))];

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!mayChange} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('giving.intro')}
          </Text>
          <SaveStatus error={general} saved={saved} savedText={t('giving.saved')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {/* No clamping in the browser: the engine decides what a share may be, and its answer shows here. */}
            <NumberInput label={t('giving.percent')} description={t('giving.percentHint')} min={0} max={100} clampBehavior="none" decimalScale={2} suffix=" %" value={form.percent} onChange={(v) => set('percent')(typeof v === 'number' ? v : '')} error={error('giving_percent')} />
            <MoneyInput label={t('giving.fixed')} description={t('giving.fixedHint')} currency={currency} value={form.fixed} onChange={set('fixed')} error={error('giving_fixed')} />
          </SimpleGrid>
          <NativeSelect label={t('giving.cause')} description={t('giving.causeHint')} value={form.causeId} onChange={(e) => set('causeId')(e.currentTarget.value)} data={options} error={error('giving_cause_id')} />
          <Example form={form} currency={currency} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!mayChange || Object.keys(change).length === 0}>
              {t('giving.save')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

/** What an order of 100 in the currency gives under the settings as typed, in whole minor units as the engine rounds it. */
function Example({ form, currency }: { form: Form; currency: string }) {
  const { t } = useTranslation();
  const order = 100 * 10 ** minorDigits(currency);
  const bps = Math.round((form.percent || 0) * 100);
  const gives = Math.floor((order * bps) / 10_000) + (form.fixed || 0);
  return (
    <Text size="sm" aria-live="polite">
      {gives > 0 ? t('giving.example', { order: isolate(formatMoney(order, currency)), gives: isolate(formatMoney(gives, currency)) }) : t('giving.off')}
    </Text>
  );
}
