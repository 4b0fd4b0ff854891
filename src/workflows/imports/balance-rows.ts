import { isCalendarDate } from '../../platform/calendar-date.ts';
import { parse } from 'csv-parse/sync';
import { invalidRequest } from '../../platform/errors.ts';

/** A shopper's balance carried over from another loyalty app. */
export interface OpeningBalance {
  line: number;
  email: string | null;
  /** The store platform's customer id, when the file has it. */
  external_id: string | null;
  points: number;
  points_pending: number;
  birthday: string | null;
  tier: string | null;
  referral_code: string | null;
}

export type BalanceFormat = 'smile' | 'loyaltylion' | 'plain';

/**
 * The columns each app's file uses, by field (matched without regard to case, spaces or
 * underscores). Smile's own import format is `email,points`; its customer export and LoyaltyLion's
 * name them differently (LoyaltyLion's approved points are the spendable balance).
 */
const COLUMNS: Record<BalanceFormat, Record<keyof Omit<OpeningBalance, 'line'>, string[]>> = {
  plain: { email: ['email'], external_id: ['customer_id'], points: ['points'], points_pending: ['points_pending'], birthday: ['birthday'], tier: ['tier'], referral_code: ['referral_code'] },
  smile: {
    email: ['email', 'customer_email'],
    external_id: ['customer_id', 'external_id'],
    points: ['points', 'points_balance', 'balance'],
    points_pending: ['points_pending', 'pending_points'],
    birthday: ['date_of_birth', 'birthday'],
    tier: ['vip_tier', 'tier'],
    referral_code: ['referral_code'],
  },
  loyaltylion: {
    email: ['email'],
    external_id: ['merchant_id', 'customer_id'],
    points: ['points_approved', 'points'],
    points_pending: ['points_pending'],
    birthday: ['birthday'],
    tier: ['loyalty_tier', 'tier', 'loyalty_tier_membership'],
    referral_code: ['referral_id', 'referral_code'],
  },
};

const key = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads a balances file; a row that does not parse is reported by its line and left out. */
export function readBalances(text: string, format: BalanceFormat): { balances: OpeningBalance[]; errors: { line: number; message: string }[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (headers: string[]) => headers.map(key), skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as Record<string, string>[];
  } catch (error) {
    throw invalidRequest('invalid_csv', `The file is not CSV that can be read: ${(error as Error).message}`, 'csv');
  }
  const headers = new Set(Object.keys(records[0] ?? {}));
  if (records.length > 0 && !COLUMNS[format].email.some((c) => headers.has(c)) && !COLUMNS[format].external_id.some((c) => headers.has(c))) {
    throw invalidRequest('invalid_csv', `The file has no ${COLUMNS[format].email[0]} column for the ${format} format; its columns are: ${[...headers].join(', ')}.`, 'csv');
  }
  const columns = COLUMNS[format];
  const balances: OpeningBalance[] = [];
  const errors: { line: number; message: string }[] = [];
  records.forEach((record, i) => {
    const line = i + 2;
    const field = (name: keyof typeof columns) => columns[name].map((c) => record[c]).find((v) => v !== undefined && v !== '')?.trim() ?? '';
    const row = balanceRow({ email: field('email'), external_id: field('external_id'), points: field('points'), points_pending: field('points_pending'), birthday: field('birthday'), tier: field('tier'), referral_code: field('referral_code') }, line);
    if ('ok' in row) balances.push(row.ok);
    else errors.push({ line, message: row.error });
  });
  return { balances, errors };
}

function balanceRow(f: Record<keyof Omit<OpeningBalance, 'line'>, string>, line: number): { ok: OpeningBalance } | { error: string } {
  if (!f.email && !f.external_id) return { error: 'email (or customer_id) is required' };
  if (f.email && !EMAIL.test(f.email)) return { error: `email "${f.email}" is not an email address` };
  const count = (text: string) => (text === '' ? 0 : /^\d+$/.test(text.replaceAll(',', '')) ? Number(text.replaceAll(',', '')) : NaN);
  const points = count(f.points);
  const pending = count(f.points_pending);
  if (!Number.isSafeInteger(points)) return { error: `points "${f.points}" is not a whole number of points (0 or more)` };
  if (!Number.isSafeInteger(pending)) return { error: `points_pending "${f.points_pending}" is not a whole number of points (0 or more)` };
  // Smile writes a birthday without a year as year 1004; Regulars keeps the day and month.
  const birthday = f.birthday.replace(/^1004-/, '2000-').slice(0, 10);
  if (birthday && !isCalendarDate(birthday)) return { error: `birthday "${f.birthday}" is not YYYY-MM-DD` };
  if (f.referral_code && !/^[A-Za-z0-9_-]{3,32}$/.test(f.referral_code)) return { error: `referral_code "${f.referral_code}" has characters a code cannot have` };
  return {
    ok: {
      line,
      email: f.email.toLowerCase() || null,
      external_id: f.external_id || null,
      points,
      points_pending: pending,
      birthday: birthday || null,
      tier: f.tier || null,
      referral_code: f.referral_code.toUpperCase() || null,
    },
  };
}
