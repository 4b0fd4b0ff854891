import { sql } from 'kysely';
import { flowSettings, queueMessages, type DueMessage } from '../../emails/email-store.ts';
import { CALENDAR_FLOWS, LOOKBACK_DAYS, TRIGGERS, type Trigger } from '../../emails/email-triggers.ts';
import { FLOWS, flowNamed, type Flow } from '../../emails/flows.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { queueDueCampaigns } from './campaign-scheduled.ts';

const MINUTE_MS = 60_000;

/** Each step of the flow for one trigger: at its own time, else the first step after the flow's delay and each later one after its own. */
function stepsFor(flow: Flow, delayMinutes: number, programId: string, trigger: Trigger): DueMessage[] {
  let at = trigger.at.getTime() + delayMinutes * MINUTE_MS;
  return flow.steps.map((step, i) => {
    if (i > 0) at += step.delayMinutes * MINUTE_MS;
    const sendAfter = trigger.stepsAt?.[i] ?? new Date(at);
    return { programId, customerId: trigger.customerId, flow: flow.name, template: step.template, triggerKey: trigger.key, category: 'marketing' as const, sendAfter, context: trigger.context };
  });
}

/** A series that stops at an order: its later steps made before the customer's last order are cancelled. */
async function stopSeriesAtOrders(db: Db, programId: string): Promise<number> {
  const later = FLOWS.filter((f) => f.stopsOnOrder).flatMap((f) => f.steps.slice(1).map((s) => s.template));
  const result = await db
    .updateTable('email_messages as m')
    .from('customers as c')
    .set({ status: 'cancelled', reason: 'ordered' })
    .whereRef('c.id', '=', 'm.customer_id')
    .where('m.program_id', '=', programId)
    .where('m.template', 'in', later)
    .where('m.status', 'in', ['queued', 'deferred'])
    .where(sql<boolean>`c.last_order_at > m.created_at`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The email sweep's first half: for every program and enabled flow, what happened since `from`
 * (by default as far back as flows look) that calls for a message is queued, each step at its
 * time; the calendar's flows too unless `calendar` is false; and the campaigns whose time has
 * come. Returns how many messages it queued.
 */
export async function queueDueEmails(deps: Deps, options: { programId?: string; from?: Date; calendar?: boolean } = {}): Promise<number> {
  const now = deps.clock.now();
  const from = new Date(Math.max(options.from?.getTime() ?? 0, now.getTime() - LOOKBACK_DAYS * 86_400_000));
  const programs = options.programId ? [{ id: options.programId }] : await deps.db.selectFrom('programs').select('id').execute();
  let queued = 0;
  for (const program of programs) {
    for (const setting of await flowSettings(deps.db, program.id)) {
      const source = TRIGGERS[setting.flow];
      if (!setting.enabled || !source || (options.calendar === false && CALENDAR_FLOWS.has(setting.flow))) continue;
      const flow = flowNamed(setting.flow)!;
      const due = (await source(deps.db, program.id, { from, now })).flatMap((t) => stepsFor(flow, setting.delay_minutes, program.id, t).map((m) => ({ ...m, category: setting.category })));
      for (let i = 0; i < due.length; i += 500) queued += await queueMessages(deps.db, due.slice(i, i + 500), now);
    }
    await stopSeriesAtOrders(deps.db, program.id);
  }
  return queued + (await queueDueCampaigns(deps));
}
