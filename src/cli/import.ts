import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { importWithAwards } from '../workflows/imports/award-import.ts';
import { importBalances } from '../workflows/imports/balance-import.ts';
import { readBalances, type BalanceFormat } from '../workflows/imports/balance-rows.ts';
import { importCustomers, readCustomerFile } from '../workflows/imports/customer-import.ts';
import { importHistory, type ImportStep } from '../workflows/imports/history-import.ts';
import { readOrderFile } from '../workflows/imports/order-file.ts';
import { dedicatedClient } from '../platform/db/database.ts';
import { systemClock } from '../platform/clock.ts';
import { loadSecretBox } from '../platform/secrets.ts';
import { readConfig } from '../platform/config.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { openDatabase } from './database.ts';
import { chosenProgram } from './default-program.ts';

/** Where each step of a history import starts on the progress bar; staging rows fills the first 40%. */
const IMPORT_STEPS: Record<ImportStep, { at: number; task: string }> = {
  staging: { at: 0, task: 'staging rows   ' },
  customers: { at: 40, task: 'new customers  ' },
  orders: { at: 50, task: 'adding orders  ' },
  statistics: { at: 90, task: 'statistics     ' },
};

/**
 * `regulars import orders <file>`: order history from a plain CSV or a Shopify orders export.
 * Rows that do not parse are reported with their line numbers and skipped; the rest loads in one
 * transaction (history only, by COPY) or through the order workflow (`--award-points`).
 */
export async function importOrders(file: string, options: { program?: string; awardPoints?: boolean }): Promise<number> {
  const config = readConfig();
  const database = await openDatabase(config, (line) => console.error(line));
  try {
    const programId = await chosenProgram(database.db, options.program, { create: true });
    const program = await loadProgramContext(database.db, programId);
    const bar = new cliProgress.SingleBar({ format: '{task} [{bar}] {percentage}% | {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(100, 0, { task: 'reading ' });
    const read = await readOrderFile(file, program.storeCurrency, (bytes, total) => bar.update(Math.round((bytes / total) * 100)));
    bar.stop();
    for (const e of read.errors.slice(0, 50)) console.error(`line ${e.line}: ${e.message}`);
    if (read.errors.length > 50) console.error(`… and ${read.errors.length - 50} more bad rows`);
    console.log(`${read.orders.length} orders read (${read.format} format), ${read.errors.length} rows skipped`);
    const started = performance.now();
    if (options.awardPoints) {
      const progress = new cliProgress.SingleBar({ format: 'awarding [{bar}] {percentage}% | {value}/{total} orders', hideCursor: true }, cliProgress.Presets.shades_classic);
      progress.start(read.orders.length, 0);
      const result = await importWithAwards({ db: database.db, readDb: database.readDb, clock: systemClock, secrets: await loadSecretBox(config.encryptionKey, config.dataDir) }, program, read.orders, (done) => progress.update(done));
      progress.stop();
      for (const e of result.errors) console.error(`line ${e.line}: ${e.message}`);
      console.log(`${result.orders} new orders with their points in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      const client = dedicatedClient(database.url);
      await client.connect();
      try {
        const progress = new cliProgress.SingleBar({ format: '{task} [{bar}] {percentage}%', hideCursor: true }, cliProgress.Presets.shades_classic);
        progress.start(100, 0, { task: 'staging rows   ' });
        const result = await importHistory(database.db, client, program, read.orders, new Date(), (step, share) =>
          progress.update(step === 'staging' ? Math.round(share * 40) : IMPORT_STEPS[step].at, { task: IMPORT_STEPS[step].task }),
        );
        progress.update(100, { task: 'done           ' });
        progress.stop();
        console.log(`${result.orders} new orders and ${result.customers} new customers in ${((performance.now() - started) / 1000).toFixed(1)} s (orders already there are left as they are)`);
      } finally {
        await client.end();
      }
    }
    return read.errors.length > 0 ? 2 : 0;
  } finally {
    await database.close();
  }
}

/** `regulars import customers <file>`: customers from a plain CSV or a Shopify customer export. */
export async function importCustomerFile(file: string, options: { program?: string }): Promise<number> {
  const database = await openDatabase(readConfig(), (line) => console.error(line));
  try {
    const programId = await chosenProgram(database.db, options.program, { create: true });
    const read = await readCustomerFile(file);
    for (const e of read.errors.slice(0, 50)) console.error(`line ${e.line}: ${e.message}`);
    const result = await importCustomers(database.db, programId, read.customers, new Date());
    console.log(`${read.customers.length} customers read, ${read.errors.length} rows skipped: ${result.created} new, ${result.updated} updated`);
    return read.errors.length > 0 ? 2 : 0;
  } finally {
    await database.close();
  }
}

/** `regulars import balances <file>`: opening balances from Smile.io, LoyaltyLion or a plain `email,points` file. */
export async function importBalanceFile(file: string, options: { program?: string; format: BalanceFormat; dryRun?: boolean; pendingDays: number }): Promise<number> {
  const config = readConfig();
  const database = await openDatabase(config, (line) => console.error(line));
  try {
    const program = await loadProgramContext(database.db, await chosenProgram(database.db, options.program, { create: true }));
    const text = await readFile(file, 'utf8');
    const read = readBalances(text, options.format);
    const progress = new cliProgress.SingleBar({ format: `${options.dryRun ? 'checking' : 'importing'} [{bar}] {percentage}% | {value}/{total} rows`, hideCursor: true }, cliProgress.Presets.shades_classic);
    progress.start(read.balances.length, 0);
    const deps = { db: database.db, readDb: database.readDb, clock: systemClock, secrets: await loadSecretBox(config.encryptionKey, config.dataDir) };
    const result = await importBalances(deps, program, { text, format: options.format, ...read }, { dryRun: options.dryRun ?? false, pendingDays: options.pendingDays, onProgress: (done) => progress.update(done) });
    progress.stop();
    for (const e of result.errors.slice(0, 50)) console.error(`line ${e.line}: ${e.message}`);
    if (result.errors.length > 50) console.error(`… and ${result.errors.length - 50} more bad rows`);
    const verb = options.dryRun ? 'would import' : 'imported';
    console.log(
      `${result.rows} rows: ${verb} ${result.balances_imported} balances (${result.points_imported} points, ${result.points_pending_imported} pending), ` +
        `${result.customers_created} new customers, ${result.tiers_placed} tiers, ${result.referral_codes_set} referral codes; ` +
        `${result.already_imported} already imported from this file, ${result.errors.length} rows skipped${options.dryRun ? ' (dry run: nothing was changed)' : ''}`,
    );
    return result.errors.length > 0 ? 2 : 0;
  } finally {
    await database.close();
  }
}
