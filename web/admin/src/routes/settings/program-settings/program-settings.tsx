import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { QueryState } from '../../../components/common/query-state.tsx';
import { SaveStatus } from '../../../components/common/save-status.tsx';
import { useProgram, type Program, type ProgramChange } from '../../../hooks/api/program.ts';
import { useProgramForm } from '../../../hooks/use-program-form.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { roleMay } from '../../../lib/roles.ts';
import { SettingsNav } from '../components/settings-nav.tsx';

type Expiry = Program['expiry_policy'];
const EXPIRY: Expiry[] = ['none', 'fixed', 'inactivity'];
const FIELDS = ['name', 'point_cost_per_1000', 'point_value_per_1000', 'expiry_policy', 'expiry_days', 'cashback_percent', 'cashback_hold_days', 'holdout_percent', 'support_adjustment_limit'] as const;

interface Form {
  name: string;
  point_cost_per_1000: number | '';
  point_value_per_1000: number | '';
  expiry_policy: Expiry;
  expiry_days: number | '';
  cashback_percent: number | '';
  cashback_hold_days: number | '';
  holdout_percent: number | '';
  support_adjustment_limit: number | '';
}

const formOf = (p: Program): Form => ({
  name: p.name,
  point_cost_per_1000: p.point_cost_per_1000,
  point_value_per_1000: p.point_value_per_1000,
  expiry_policy: p.expiry_policy,
  expiry_days: p.expiry_days ?? '',
  cashback_percent: p.cashback_percent,
  cashback_hold_days: p.cashback_hold_days,
  holdout_percent: p.holdout_percent,
  support_adjustment_limit: p.support_adjustment_limit,
});

/** What changed, as PATCH /v1/program takes it; the support limit only from those who may set it. */
function changeOf(form: Form, program: Program, mayManage: boolean): ProgramChange {
  const change: ProgramChange = {};
  const was = formOf(program);
  if (form.name.trim() !== was.name) change.name = form.name.trim();
  if (form.point_cost_per_1000 !== '' && form.point_cost_per_1000 !== was.point_cost_per_1000) change.point_cost_per_1000 = form.point_cost_per_1000;
  if (form.point_value_per_1000 !== '' && form.point_value_per_1000 !== was.point_value_per_1000) change.point_value_per_1000 = form.point_value_per_1000;
  if (form.expiry_policy !== was.expiry_policy || form.expiry_days !== was.expiry_days) {
    change.expiry_policy = form.expiry_policy;
    change.expiry_days = form.expiry_policy === 'none' || form.expiry_days === '' ? null : form.expiry_days;
  }
  if (form.cashback_percent !== '' && form.cashback_percent !== was.cashback_percent) change.cashback_percent = form.cashback_percent;
  if (form.cashback_hold_days !== '' && form.cashback_hold_days !== was.cashback_hold_days) change.cashback_hold_days = form.cashback_hold_days;
  if (form.holdout_percent !== '' && form.holdout_percent !== was.holdout_percent) change.holdout_percent = form.holdout_percent;
  if (mayManage && form.support_adjustment_limit !== '' && form.support_adjustment_limit !== was.support_adjustment_limit) change.support_adjustment_limit = form.support_adjustment_limit;
  return change;
}

/** The program's own settings: its name, what points cost, expiry, cashback, the holdout and the support limit. */
export default function ProgramSettingsPage() {
  const { t } = useTranslation();
  const program = useProgram();
  const role = useSession().data?.program.role;
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('programSettings.description')} />
      <SettingsNav />
      <QueryState isPending={program.isPending} error={program.error}>
        {() => <ProgramSettingsForm program={program.data!} mayChange={roleMay(role, 'setup')} mayManage={roleMay(role, 'manage')} role={role ? t(`roles.${role}`) : ''} />}
      </QueryState>
    </>
  );
}

function ProgramSettingsForm({ program, mayChange, mayManage, role }: { program: Program; mayChange: boolean; mayManage: boolean; role: string }) {
  const { t } = useTranslation();
  const { form, set, change, submit, saved, update, error, general } = useProgramForm(program, formOf, (f) => changeOf(f, program, mayManage), FIELDS);
  const number = (value: string | number) => (typeof value === 'number' ? value : '');
  const currency = program.currency;

  return (
    <Paper withBorder p="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!mayChange} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack>
            {!mayChange && (
              <Alert variant="light" color="gray" role="note">
                {t('programSettings.readOnly', { role })}
              </Alert>
            )}
            <SaveStatus error={general} saved={saved} savedText={t('programSettings.saved')} />
            <TextInput label={t('programSettings.name')} required value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} error={error('name')} />
            <TextInput label={t('programSettings.currency')} description={t('programSettings.currencyHint')} value={currency} readOnly disabled />
            <Group grow align="flex-start">
              <MoneyInput label={t('programSettings.pointCost')} description={t('programSettings.pointCostHint')} currency={currency} value={form.point_cost_per_1000} onChange={set('point_cost_per_1000')} error={error('point_cost_per_1000')} />
              <MoneyInput label={t('programSettings.pointValue')} description={t('programSettings.pointValueHint')} currency={currency} value={form.point_value_per_1000} onChange={set('point_value_per_1000')} error={error('point_value_per_1000')} />
            </Group>
            <Group grow align="flex-start">
              <NativeSelect label={t('programSettings.expiry')} value={form.expiry_policy} onChange={(e) => set('expiry_policy')(e.currentTarget.value as Expiry)} data={EXPIRY.map((e) => ({ value: e, label: t(`programSettings.expiryPolicies.${e}`) }))} error={error('expiry_policy')} />
              <NumberInput label={t('programSettings.expiryDays')} min={1} max={3650} allowDecimal={false} disabled={!mayChange || form.expiry_policy === 'none'} value={form.expiry_days} onChange={(v) => set('expiry_days')(number(v))} error={error('expiry_days')} />
            </Group>
            <Group grow align="flex-start">
              <NumberInput label={t('programSettings.cashback')} description={t('programSettings.cashbackHint')} min={0} max={100} decimalScale={2} suffix=" %" value={form.cashback_percent} onChange={(v) => set('cashback_percent')(number(v))} error={error('cashback_percent')} />
              <NumberInput label={t('programSettings.cashbackHold')} min={0} max={365} allowDecimal={false} value={form.cashback_hold_days} onChange={(v) => set('cashback_hold_days')(number(v))} error={error('cashback_hold_days')} />
            </Group>
            <NumberInput label={t('programSettings.holdout')} description={t('programSettings.holdoutHint')} min={0} max={50} allowDecimal={false} suffix=" %" value={form.holdout_percent} onChange={(v) => set('holdout_percent')(number(v))} error={error('holdout_percent')} />
            <NumberInput
              label={t('programSettings.supportLimit')}
              description={t('programSettings.supportLimitHint')}
              min={0}
              allowDecimal={false}
              disabled={!mayManage}
              value={form.support_adjustment_limit}
              onChange={(v) => set('support_adjustment_limit')(number(v))}
              error={error('support_adjustment_limit')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!mayChange || Object.keys(change).length === 0}>
                {t('programSettings.save')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </form>
    </Paper>
  );
}
