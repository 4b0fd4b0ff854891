import { createHash } from 'node:crypto';
import { resolveCustomer } from '../../customers/customer-store.ts';
import { createHolds } from '../../ledger/holds.ts';
import { postTransfers } from '../../ledger/ledger-store.ts';
import { Account, move, type TransferDraft } from '../../ledger/transfer.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { RegularsError } from '../../platform/errors.ts';
import type { ProgramContext } from '../../programs/program-store.ts';
import { listTiers, placeTier } from '../../tiers/tier-store.ts';
import type { BalanceFormat, OpeningBalance } from './balance-rows.ts';

export interface BalanceImportResult {
  object: 'balance_import';
  dry_run: boolean;
  source: BalanceFormat;
  file_hash: string;
  rows: number;
  customers_created: number;
  balances_imported: number;
  points_imported: number;
  points_pending_imported: number;
  /** Rows whose balance this file already brought in (a second import of the same file). */
  already_imported: number;
  tiers_placed: number;
  referral_codes_set: number;
  errors: { line: number; message: string }[];
}

const SOURCE_NAMES: Record<BalanceFormat, string> = { smile: 'Smile.io', loyaltylion: 'LoyaltyLion', plain: 'a balances file' };
const DAY_MS = 86_400_000;
class DryRun extends Error {}

/**
 * Opening balances from another loyalty app: each row's customer is found (by the store's
 * customer id, else email) or created, and gets a ledger transfer of its own code
 * (`import.opening`, "carried over from Smile.io") keyed by the file and the row's customer, so
 * importing the same file again changes nothing. Pending points stay pending for `pending_days`.
 * Tiers and referral codes are placed as given. A row that cannot be applied (an unknown tier, a
 * referral code another customer has) is reported by its line and left out. A dry run does all of
 * it in a transaction that is rolled back, so it reports exactly what the import would do.
 */
export async function importBalances(
  deps: Deps,
  program: ProgramContext,
  file: { text: string; format: BalanceFormat; balances: OpeningBalance[]; errors: { line: number; message: string }[] },
  options: { dryRun: boolean; pendingDays?: number; onProgress?: (done: number) => void },
): Promise<BalanceImportResult> {
  const now = deps.clock.now();
  const result: BalanceImportResult = {
    object: 'balance_import',
    dry_run: options.dryRun,
    source: file.format,
    file_hash: createHash('sha256').update(file.text).digest('hex'),
    rows: file.balances.length + file.errors.length,
    customers_created: 0,
    balances_imported: 0,
    points_imported: 0,
    points_pending_imported: 0,
    already_imported: 0,
    tiers_placed: 0,
    referral_codes_set: 0,
    errors: [...file.errors],
  };
  const tiers = new Map((await listTiers(deps.db, program.id)).map((t) => [t.name.trim().toLowerCase(), t.id]));
  const context = { ...options, tiers, now, result };
  let done = 0;
  const apply = async (tx: Tx, rows: OpeningBalance[]) => {
    for (const row of rows) {
      // A row the engine refuses (an email that belongs to a customer of another id) is reported, not fatal.
      await applyRow(tx, program, row, context).catch((error: unknown) => {
        if (!(error instanceof RegularsError)) throw error;
        result.errors.push({ line: row.line, message: error.message });
      });
    }
    done += rows.length;
    options.onProgress?.(done);
  };
  if (options.dryRun) {
    await deps.db
      .transaction()
      .execute(async (tx) => {
        await apply(tx, file.balances);
        throw new DryRun();
      })
      .catch((error: unknown) => {
        if (!(error instanceof DryRun)) throw error;
      });
  } else {
    for (const batch of chunks(file.balances, 200)) await deps.db.transaction().execute((tx) => apply(tx, batch));
  }
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

interface RowContext {
  tiers: Map<string, string>;
  now: Date;
  pendingDays?: number;
  result: BalanceImportResult;
}

async function applyRow(tx: Tx, program: ProgramContext, row: OpeningBalance, context: RowContext): Promise<void> {
  const { result, now } = context;
  const tierId = row.tier ? context.tiers.get(row.tier.trim().toLowerCase()) : undefined;
  if (row.tier && !tierId) return void result.errors.push({ line: row.line, message: `tier "${row.tier}" is not a tier of this program` });
  const resolved = await resolveCustomer(tx, program.id, { external_id: row.external_id ?? undefined, email: row.email ?? undefined }, now, row.birthday ? { birthday: row.birthday } : undefined);
  const customer = resolved.customer;
  if (row.referral_code && customer.referral_code !== row.referral_code) {
    const taken = await tx.selectFrom('customers').select('id').where('program_id', '=', program.id).where('referral_code', '=', row.referral_code).executeTakeFirst();
    if (taken) return void result.errors.push({ line: row.line, message: `referral_code "${row.referral_code}" belongs to another customer` });
    await tx.updateTable('customers').set({ referral_code: row.referral_code }).where('id', '=', customer.id).execute();
    result.referral_codes_set += 1;
  }
  if (resolved.created) result.customers_created += 1;
  const who = row.external_id ?? row.email!;
  const drafts: TransferDraft[] = [];
  const source = SOURCE_NAMES[result.source];
  const base = { code: 'import.opening' as const, reference: { type: 'import', id: `${result.source}:${result.file_hash.slice(0, 16)}` }, occurred_at: now, actor: `import:${result.source}` };
  if (row.points > 0) {
    drafts.push({
      ...base,
      idempotency_key: `opening:${result.file_hash}:${who}`,
      explanation: { summary: `Opening balance of ${row.points} points carried over from ${source}`, inputs: { source: result.source, file_hash: result.file_hash, line: row.line, points: row.points } },
      entries: move(row.points, Account.imported, Account.available),
      opensLot: { earned_at: now },
    });
  }
  if (row.points_pending > 0) {
    drafts.push({
      ...base,
      idempotency_key: `opening-pending:${result.file_hash}:${who}`,
      explanation: { summary: `${row.points_pending} pending points carried over from ${source}`, inputs: { source: result.source, file_hash: result.file_hash, line: row.line, points_pending: row.points_pending } },
      entries: move(row.points_pending, Account.imported, Account.pending),
    });
  }
  const posted = drafts.length > 0 ? await postTransfers(tx, program.id, customer.id, drafts, now) : [];
  if (drafts.length > 0 && posted.length === 0) result.already_imported += 1;
  if (posted.length > 0) result.balances_imported += 1;
  for (const transfer of posted) {
    const pending = transfer.entries.find((e) => e.account === Account.pending);
    if (pending) {
      result.points_pending_imported += pending.amount;
      await createHolds(tx, [{ programId: program.id, customerId: customer.id, transfer, availableAt: new Date(now.getTime() + (context.pendingDays ?? 30) * DAY_MS) }]);
    } else result.points_imported += transfer.entries.find((e) => e.account === Account.available)?.amount ?? 0;
  }
  if (tierId && (await placeTier(tx, program.id, customer, tierId, now))) result.tiers_placed += 1;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
