import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

type Cell = string | number | boolean | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a reason
// typed by one user must not run in the merchant's Excel. The cell keeps its text, quoted.
const FORMULA = /^[=+\-@\t\r]/;
const cell = (value: Cell): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return typeof value === 'string' && FORMULA.test(text) ? `'${text}` : text;
};

/**
 * Sends rows as a CSV download, streamed page by page (an export of a million rows never sits in
 * memory). `pages` yields the rows in order; the header row is the columns' names.
 */
export function sendCsv(reply: FastifyReply, filename: string, columns: readonly string[], pages: AsyncIterable<Cell[][]>): FastifyReply {
  const rows = Readable.from(
    (async function* () {
      for await (const page of pages) for (const row of page) yield row.map(cell);
    })(),
  );
  reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return reply.send(rows.pipe(stringify({ header: true, columns: [...columns] })));
}

/** Walks a cursor-paginated list (newest first, `limit + 1` rows to tell if more follow) to its end. */
export async function* allPages<T extends { id: string }>(list: (page: { limit: number; starting_after?: string }) => Promise<T[]>, size = 1000): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await list({ limit: size, starting_after: after });
    const page = rows.slice(0, size);
    if (page.length) yield page;
    if (rows.length <= size) return;
    after = page[page.length - 1]!.id;
  }
}
