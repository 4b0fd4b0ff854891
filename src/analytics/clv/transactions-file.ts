import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { invalidRequest } from '../../platform/errors.ts';
import type { Transaction } from './summary.ts';

/**
 * Reads `customer_id,date,amount` from a CSV file with a header (extra columns, such as the plain
 * import format's email, order_id and currency, are ignored). Dates may carry a time; the day counts.
 */
export async function readTransactions(file: string): Promise<Transaction[]> {
  const out: Transaction[] = [];
  const parser = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true, trim: true }));
  let line = 1;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    line += 1;
    const { customer_id: customerId, date, amount } = row;
    if (!customerId || !date || amount === undefined || !/^\d{4}-\d{2}-\d{2}/.test(date) || Number.isNaN(Number(amount))) {
      throw invalidRequest('invalid_file', `${file}, line ${line}: expected customer_id, date (YYYY-MM-DD) and amount.`);
    }
    out.push({ customerId, date: date.slice(0, 10), amount: Number(amount) });
  }
  return out;
}
