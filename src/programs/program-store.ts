import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { ProgramsTable } from '../platform/db/schema.ts';
import type { ExpiryPolicy } from '../ledger/expiry-policy.ts';
import { invalidRequest } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { createEarningRule } from '../earning/rule-store.ts';
import { defaultEarningRule } from '../earning/rules.ts';
import { hashKey, newPublishableKey, newSecretKey } from './api-keys.ts';
import { isEmptyChange } from '../platform/changes.ts';
import { programCache } from '../platform/program-cache.ts';

/** What an authenticated request knows about its program. */
export interface ProgramContext {
  id: string;
  name: string;
  currency: string;
  allowNegativeBalance: boolean;
  /** Put before every discount code the program issues. */
  codePrefix: string | null;
  /** The store the key belongs to (a coalition has several), or the program's default store. */
  storeId: string;
  /** That store's currency: what its orders, carts and discount codes are in. */
  storeCurrency: string;
  apiKeyId: string;
  /** Which kind of key the request came with: a secret key (server side) or a publishable one (storefront). */
  keyKind: 'secret' | 'publishable';
  /** Requests per minute the program's keys of each kind may make on an instance; null: the instance default. */
  rateLimits: { secret: number | null; publishable: number | null };
}

export interface NewProgram {
  name: string;
  currency: string;
  allow_negative_balance?: boolean;
}

/**
 * Creates a program with its default store, its default earning rule (1 point per currency
 * unit on the subtotal) and its first secret key, which is returned once and stored hashed.
 */
export async function createProgram(db: Db, input: NewProgram, at: Date) {
  return db.transaction().execute(async (tx) => {
    const program = await tx
      .insertInto('programs')
      .values({
        id: newId('prg'),
        name: input.name,
        currency: input.currency,
        allow_negative_balance: input.allow_negative_balance ?? false,
        slug: programSlug(input.name, at),
        publishable_key: newPublishableKey(),
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('stores')
      .values({ id: newId('sto'), program_id: program.id, name: input.name, currency: input.currency, is_default: true, created_at: at })
      .execute();
    await createEarningRule(tx, program.id, defaultEarningRule(), at);
    const { key: apiKey } = await issueKey(tx, program.id, 'default', at);
    return { program, apiKey };
  });
}

/** A program's address on the hosted pages (/rewards/{slug}): its name, made readable, and a random tail. */
function programSlug(name: string, at: Date): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'rewards';
  return `${base}-${newId('prg', at.getTime()).slice(-6)}`;
}

/** A new secret key, shown once and stored hashed; bound to a store of a coalition when given. */
export async function issueKey(tx: Db | Tx, programId: string, label: string, at: Date, storeId: string | null = null): Promise<{ id: string; key: string }> {
  const secret = newSecretKey();
  const id = newId('key');
  await tx.insertInto('api_keys').values({ id, program_id: programId, key_hash: secret.hash, key_hint: secret.hint, label, created_at: at, store_id: storeId }).execute();
  return { id, key: secret.key };
}

export async function findProgramByKey(db: Db, key: string): Promise<ProgramContext | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('programs as p', 'p.id', 'k.program_id')
    .innerJoin('stores as s', (join) => join.onRef('s.program_id', '=', 'p.id').on(sql<boolean>`(s.id = k.store_id or (k.store_id is null and s.is_default))`))
    .select([...CONTEXT_COLUMNS, 'k.id as key_id'])
    .where('k.key_hash', '=', hashKey(key))
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return toProgramContext(row, row.key_id);
}

/** The sealed widget secrets a program's customer tokens may be signed with (see storefront/customer-token.ts). */
export interface WidgetSecrets {
  current: string | null;
  previous: string | null;
  previousUntil: Date | null;
}

/** The program a storefront request names by its publishable key, as its default store. */
export async function findProgramByPublishableKey(db: Db, publishableKey: string): Promise<{ program: ProgramContext; widgetSecrets: WidgetSecrets; origins: string[] } | undefined> {
  const row = await db
    .selectFrom('programs as p')
    .innerJoin('stores as s', (join) => join.onRef('s.program_id', '=', 'p.id').on('s.is_default', '=', true))
    .select([...CONTEXT_COLUMNS, 'p.widget_secret_sealed', 'p.previous_widget_secret_sealed', 'p.previous_widget_secret_until', 'p.storefront_origins'])
    .where('p.publishable_key', '=', publishableKey)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    program: { ...toProgramContext(row, `pk_…${publishableKey.slice(-4)}`), keyKind: 'publishable' },
    widgetSecrets: { current: row.widget_secret_sealed, previous: row.previous_widget_secret_sealed, previousUntil: row.previous_widget_secret_until },
    origins: row.storefront_origins,
  };
}

/** A new widget secret takes over; the one it replaces still verifies customer tokens for a day. */
export async function rotateWidgetSecret(db: Db, programId: string, sealed: string, at: Date): Promise<void> {
  await db
    .updateTable('programs')
    .set((eb) => ({ previous_widget_secret_sealed: eb.ref('widget_secret_sealed'), previous_widget_secret_until: new Date(at.getTime() + 86_400_000), widget_secret_sealed: sealed }))
    .where('id', '=', programId)
    .execute();
}

/** A program as the engine's own work (sweeps, jobs) sees it, acting for no API key; for one of its stores, or its default store. */
export async function loadProgramContext(db: Db | Tx, programId: string, storeId?: string): Promise<ProgramContext> {
  const row = await db
    .selectFrom('programs as p')
    .innerJoin('stores as s', (join) => join.onRef('s.program_id', '=', 'p.id').on(storeId ? sql<boolean>`s.id = ${storeId}` : sql<boolean>`s.is_default`))
    .select(CONTEXT_COLUMNS)
    .where('p.id', '=', programId)
    .executeTakeFirstOrThrow();
  return toProgramContext(row, 'system');
}

const CONTEXT_COLUMNS = ['p.id', 'p.name', 'p.currency', 'p.allow_negative_balance', 'p.code_prefix', 'p.rate_limit_per_minute', 'p.publishable_rate_limit_per_minute', 's.id as store_id', 's.currency as store_currency'] as const;

function toProgramContext(
  row: {
    id: string;
    name: string;
    currency: string;
    allow_negative_balance: boolean;
    code_prefix: string | null;
    rate_limit_per_minute: number | null;
    publishable_rate_limit_per_minute: number | null;
    store_id: string;
    store_currency: string;
  },
  apiKeyId: string,
): ProgramContext {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    allowNegativeBalance: row.allow_negative_balance,
    codePrefix: row.code_prefix,
    storeId: row.store_id,
    storeCurrency: row.store_currency,
    apiKeyId,
    keyKind: 'secret',
    rateLimits: { secret: row.rate_limit_per_minute, publishable: row.publishable_rate_limit_per_minute },
  };
}

/** The program whose hosted pages live at /rewards/{slug}: its id and publishable key. */
export async function findProgramBySlug(db: Db, slug: string) {
  return db.selectFrom('programs').select(['id', 'publishable_key']).where('slug', '=', slug.toLowerCase()).executeTakeFirst();
}

export async function getProgram(db: Db, id: string) {
  return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countPrograms(db: Db): Promise<number> {
  const row = await db.selectFrom('programs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ProgramSettings {
  name?: string;
  allow_negative_balance?: boolean;
  code_prefix?: string | null;
  return_points_on_code_expiry?: boolean;
  expiry_policy?: 'none' | 'fixed' | 'inactivity';
  expiry_days?: number | null;
  expiry_months?: number | null;
  expiry_warning_days?: number;
  tier_metric?: 'points_earned' | 'amount_spent' | 'orders_count';
  tier_period?: 'lifetime' | 'calendar_year' | 'rolling_12_months';
  tier_grace_days?: number;
  cashback_bps?: number;
  cashback_hold_days?: number;
  giving_bps?: number;
  giving_fixed_minor?: number;
  giving_cause_id?: string | null;
  coalition_point_value_minor?: number;
  point_cost_per_1000?: number;
  holdout_percent?: number;
  rate_limit_per_minute?: number | null;
  publishable_rate_limit_per_minute?: number | null;
  support_adjustment_limit?: number;
  storefront_origins?: string[];
  signup_url?: string | null;
  login_url?: string | null;
  store_url?: string | null;
  default_locale?: string;
  /** JSON text (jsonb). */
  widget_theme?: string;
  widget_texts?: string;
  email_from?: string | null;
  email_reply_to?: string | null;
  email_postal_address?: string | null;
  review_url?: string | null;
  /** JSON text (jsonb), or null for none. */
  email_quiet_hours?: string | null;
  email_frequency_cap_hours?: number;
  email_link_tracking?: boolean;
}

/** An expiring policy needs one period, in days or in months. */
export function validateExpirySettings(s: { expiry_policy: string; expiry_days: number | null; expiry_months: number | null }): void {
  if (s.expiry_policy === 'none') return;
  if ((s.expiry_days === null) === (s.expiry_months === null)) {
    throw invalidRequest('parameter_missing', `The ${s.expiry_policy} expiry policy needs expiry_days or expiry_months (one of them).`, 'expiry_days');
  }
}

type ExpirySettings = Pick<Selectable<ProgramsTable>, 'expiry_policy' | 'expiry_days' | 'expiry_months' | 'expiry_warning_days'>;

export function expiryPolicyOf(program: ExpirySettings): ExpiryPolicy {
  return { policy: program.expiry_policy, days: program.expiry_days, months: program.expiry_months, warningDays: program.expiry_warning_days };
}

/** Programs whose points expire: what the expiry sweeps go through. */
export async function programsWithExpiry(db: Db, programId?: string) {
  let query = db.selectFrom('programs').select(['id', 'expiry_policy', 'expiry_days', 'expiry_months', 'expiry_warning_days']).where('expiry_policy', '<>', 'none');
  if (programId) query = query.where('id', '=', programId);
  return query.execute();
}

export async function updateProgram(db: Db, id: string, changes: ProgramSettings) {
  if (isEmptyChange(changes)) return db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const row = await db.updateTable('programs').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  expiryPolicies.forget(id);
  return row;
}

const expiryPolicies = programCache(5_000, async (db, programId) =>
  expiryPolicyOf(await db.selectFrom('programs').select(['expiry_policy', 'expiry_days', 'expiry_months', 'expiry_warning_days']).where('id', '=', programId).executeTakeFirstOrThrow()),
);

/** The program's expiry policy, kept a few seconds (the storefront asks for it on every shopper view). */
export const programExpiryPolicy = (db: Db, programId: string): Promise<ExpiryPolicy> => expiryPolicies.get(db, programId);

export const listApiKeys = (db: Db, programId: string, filter: { limit: number; starting_after?: string }) => {
  let query = db.selectFrom('api_keys').select(['id', 'label', 'key_hint', 'store_id', 'created_at', 'revoked_at']).where('program_id', '=', programId);
  if (filter.starting_after) query = query.where('id', '>', filter.starting_after);
  return query.orderBy('id').limit(filter.limit + 1).execute();
};

export const getApiKey = (db: Db, programId: string, id: string) =>
  db.selectFrom('api_keys').select(['id', 'label', 'key_hint', 'store_id', 'created_at', 'revoked_at']).where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();

/** Revokes a key for good (a revoked key is never valid again); revoking twice changes nothing. */
export async function revokeApiKey(db: Db, programId: string, id: string, at: Date): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: at }).where('program_id', '=', programId).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export const supportAdjustmentLimit = async (db: Db, programId: string): Promise<number> =>
  (await db.selectFrom('programs').select('support_adjustment_limit').where('id', '=', programId).executeTakeFirstOrThrow()).support_adjustment_limit;
