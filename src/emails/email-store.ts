import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { EmailMessagesTable, EmailStatus } from '../platform/db/email-tables.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { EmailContent } from './email-render.ts';
import { FLOWS, flowNamed, type Category, type Flow, type FlowName } from './flows.ts';

export type EmailMessage = Selectable<EmailMessagesTable>;

/** Who a flow sends to, beyond consent: set by the merchant (all must hold). */
export interface FlowConditions {
  min_balance?: number;
  tier_ids?: string[];
  segments?: string[];
  stages?: string[];
}

export interface FlowSetting {
  flow: FlowName;
  enabled: boolean;
  category: Category;
  /** Minutes after the trigger for the first step; the flow's default unless set. */
  delay_minutes: number;
  conditions: FlowConditions;
  reward_id: string | null;
  description: string;
  steps: string[];
}

const defaults = (f: Flow): FlowSetting => ({ flow: f.name, enabled: f.enabledByDefault, category: f.category, delay_minutes: f.steps[0]!.delayMinutes, conditions: {}, reward_id: null, description: f.description, steps: f.steps.map((s) => s.template) });

/** Every flow with the program's settings over the defaults. */
export async function flowSettings(db: Db | Tx, programId: string): Promise<FlowSetting[]> {
  const saved = await db.selectFrom('email_flow_settings').selectAll().where('program_id', '=', programId).execute();
  return FLOWS.map((f) => {
    const row = saved.find((s) => s.flow === f.name);
    const base = defaults(f);
    return row ? { ...base, enabled: row.enabled, category: row.category, delay_minutes: row.delay_minutes ?? base.delay_minutes, conditions: row.conditions as FlowConditions, reward_id: row.reward_id } : base;
  });
}

export async function flowSetting(db: Db | Tx, programId: string, name: string): Promise<FlowSetting> {
  if (!flowNamed(name)) throw notFound('email flow', name);
  return (await flowSettings(db, programId)).find((f) => f.flow === name)!;
}

export async function saveFlowSetting(db: Db | Tx, programId: string, setting: FlowSetting, at: Date): Promise<void> {
  const row = { enabled: setting.enabled, category: setting.category, delay_minutes: setting.delay_minutes, conditions: JSON.stringify(setting.conditions), reward_id: setting.reward_id, updated_at: at };
  await db
    .insertInto('email_flow_settings')
    .values({ program_id: programId, flow: setting.flow, ...row })
    .onConflict((oc) => oc.columns(['program_id', 'flow']).doUpdateSet(row))
    .execute();
}

export async function templateOverride(db: Db | Tx, programId: string, template: string, locale: string): Promise<EmailContent | undefined> {
  return db.selectFrom('email_templates').select(['subject', 'preheader', 'heading', 'body', 'button']).where('program_id', '=', programId).where('template', '=', template).where('locale', '=', locale).executeTakeFirst();
}

export async function listTemplateOverrides(db: Db, programId: string) {
  return db.selectFrom('email_templates').selectAll().where('program_id', '=', programId).orderBy('template').orderBy('locale').execute();
}

export async function saveTemplate(db: Db, programId: string, template: string, locale: string, content: EmailContent, at: Date): Promise<void> {
  const row = { ...content, updated_at: at };
  await db
    .insertInto('email_templates')
    .values({ program_id: programId, template, locale, ...row })
    .onConflict((oc) => oc.columns(['program_id', 'template', 'locale']).doUpdateSet(row))
    .execute();
}

export async function deleteTemplate(db: Db, programId: string, template: string, locale: string): Promise<boolean> {
  const result = await db.deleteFrom('email_templates').where('program_id', '=', programId).where('template', '=', template).where('locale', '=', locale).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface DueMessage {
  programId: string;
  customerId: string;
  flow: FlowName;
  template: string;
  triggerKey: string;
  category: Category;
  sendAfter: Date;
  context?: Record<string, string | number>;
}

/** Queues what is due; a message already made for the same flow, step, customer and trigger is left alone. */
export async function queueMessages(db: Db | Tx, messages: DueMessage[], at: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = messages.map((m) => ({
    id: newId('eml', at.getTime()),
    program_id: m.programId,
    customer_id: m.customerId,
    flow: m.flow,
    template: m.template,
    trigger_key: m.triggerKey,
    category: m.category,
    status: 'queued' as const,
    context: JSON.stringify(m.context ?? {}),
    send_after: m.sendAfter,
    created_at: at,
  }));
  const inserted = await db
    .insertInto('email_messages')
    .values(rows)
    .onConflict((oc) => oc.columns(['program_id', 'flow', 'template', 'customer_id', 'trigger_key']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Takes up to `limit` messages due now for this instance to deliver, for two minutes: another
 * instance skips them, and one that dies holding them lets them go when the claim runs out.
 */
export async function claimDueMessages(db: Db, now: Date, limit: number): Promise<EmailMessage[]> {
  return db
    .updateTable('email_messages')
    .set({ claimed_until: new Date(now.getTime() + 120_000), attempts: sql`attempts + 1` })
    .where(({ eb, selectFrom }) =>
      eb(
        'id',
        'in',
        selectFrom('email_messages')
          .select('id')
          .where('status', 'in', ['queued', 'deferred'])
          .where('send_after', '<=', now)
          .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', now)]))
          .orderBy('send_after')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      ),
    )
    .returningAll()
    .execute();
}

export interface Outcome {
  status: EmailStatus;
  reason?: string | null;
  sendAfter?: Date;
  rendered?: { to: string; locale: string; subject: string; html: string; text: string };
  smtpResponse?: string | null;
  sentAt?: Date;
}

export async function recordOutcome(db: Db, message: EmailMessage, outcome: Outcome): Promise<void> {
  await db
    .updateTable('email_messages')
    .set({
      status: outcome.status,
      reason: outcome.reason ?? null,
      claimed_until: null,
      ...(outcome.sendAfter ? { send_after: outcome.sendAfter } : {}),
      ...(outcome.rendered ? { to_address: outcome.rendered.to, locale: outcome.rendered.locale, subject: outcome.rendered.subject, html: outcome.rendered.html, text_body: outcome.rendered.text } : {}),
      ...(outcome.smtpResponse !== undefined ? { smtp_response: outcome.smtpResponse?.slice(0, 1000) ?? null } : {}),
      ...(outcome.sentAt ? { sent_at: outcome.sentAt } : {}),
    })
    .where('id', '=', message.id)
    .where('customer_id', '=', message.customer_id)
    .execute();
}

/** The last marketing email sent to the customer, for the frequency cap. */
export async function lastMarketingSentAt(db: Db, customerId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('email_messages')
    .select((eb) => eb.fn.max('sent_at').as('at'))
    .where('customer_id', '=', customerId)
    .where('category', '=', 'marketing')
    .where('status', 'in', ['sent', 'outbox'])
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

export interface MessageFilter {
  customer_id?: string;
  flow?: string;
  /** A campaign's messages. */
  campaign_id?: string;
  status?: EmailStatus;
  limit: number;
  starting_after?: string;
}

export async function listMessages(db: Db, programId: string, filter: MessageFilter): Promise<EmailMessage[]> {
  let query = db.selectFrom('email_messages').selectAll().where('program_id', '=', programId);
  if (filter.customer_id) query = query.where('customer_id', '=', filter.customer_id);
  if (filter.flow) query = query.where('flow', '=', filter.flow);
  if (filter.campaign_id) query = query.where('flow', '=', 'campaign').where('trigger_key', '=', filter.campaign_id);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function getMessage(db: Db, programId: string, id: string): Promise<EmailMessage> {
  const row = await db.selectFrom('email_messages').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('email message', id);
  return row;
}

/** A series that stops at an order: its later steps are cancelled once the customer orders. */
export async function cancelPendingSteps(db: Db | Tx, customerId: string, flows: FlowName[], reason: string): Promise<number> {
  if (flows.length === 0) return 0;
  const result = await db
    .updateTable('email_messages')
    .set({ status: 'cancelled', reason })
    .where('customer_id', '=', customerId)
    .where('flow', 'in', flows)
    .where('status', 'in', ['queued', 'deferred'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const normal = (email: string) => email.trim().toLowerCase();

export async function suppress(db: Db | Tx, programId: string, email: string, reason: string, at: Date): Promise<void> {
  await db.insertInto('email_suppressions').values({ program_id: programId, email: normal(email), reason, created_at: at }).onConflict((oc) => oc.doNothing()).execute();
}

export async function unsuppress(db: Db, programId: string, email: string): Promise<boolean> {
  const result = await db.deleteFrom('email_suppressions').where('program_id', '=', programId).where('email', '=', normal(email)).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function suppressionOf(db: Db | Tx, programId: string, email: string) {
  return db.selectFrom('email_suppressions').selectAll().where('program_id', '=', programId).where('email', '=', normal(email)).executeTakeFirst();
}

export async function listSuppressions(db: Db, programId: string, filter: { limit: number; starting_after?: string }) {
  let query = db.selectFrom('email_suppressions').selectAll().where('program_id', '=', programId);
  if (filter.starting_after) query = query.where('email', '>', filter.starting_after);
  return query.orderBy('email').limit(filter.limit + 1).execute();
}
