import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { csvRecords } from './csv-records.ts';
import { invalidRequest } from '../../platform/errors.ts';
import { detectFormat, plainRow, shopifyRow, type ImportedOrder } from './order-rows.ts';

export interface ReadResult {
  orders: ImportedOrder[];
  /** Rows refused, with their line numbers: reported and skipped, the rest loads. */
  errors: { line: number; message: string }[];
  format: 'plain' | 'shopify';
}

/** Reads and checks an order file, reporting progress in bytes read. */
export async function readOrderFile(file: string, currency: string, onProgress: (bytes: number, total: number) => void = () => {}): Promise<ReadResult> {
  const total = statSync(file).size;
  const stream = createReadStream(file);
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
    onProgress(bytes, total);
  });
  return readOrders(stream, currency, file);
}

/** The same, of a file's text (uploaded from the dashboard). */
export function readOrderText(text: string, currency: string): Promise<ReadResult> {
  return readOrders(Readable.from([text]), currency, 'the file');
}

async function readOrders(stream: Readable, currency: string, name: string): Promise<ReadResult> {
  const orders: ImportedOrder[] = [];
  const errors: { line: number; message: string }[] = [];
  let format: 'plain' | 'shopify' | undefined;
  const plainSeen = new Map<string, number>();
  const shopifySeen = new Map<string, ImportedOrder | null>();
  let line = 1;
  for await (const row of csvRecords(stream)) {
    line += 1;
    format ??= detectFormat(Object.keys(row));
    if (!format) throw invalidRequest('unknown_format', `${name}: the header is neither customer_id,date,amount[,…] nor a Shopify orders export.`, 'csv');
    const result = format === 'plain' ? plainRow(row, line, currency, plainSeen) : shopifyRow(row, line, currency, shopifySeen);
    if ('ok' in result) orders.push(result.ok);
    else if ('error' in result) errors.push({ line, message: result.error });
  }
  return { orders, errors, format: format ?? 'plain' };
}
