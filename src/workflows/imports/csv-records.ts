import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { invalidRequest } from '../../platform/errors.ts';

/** The rows of an import file by its header; text that is not CSV is the caller's error (400), not ours. */
export async function* csvRecords(stream: Readable): AsyncGenerator<Record<string, string>> {
  const parser = stream.pipe(parse({ columns: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }));
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) yield row;
  } catch (error) {
    if (error instanceof CsvError) throw invalidRequest('invalid_csv', `The file is not CSV that can be read: ${error.message}`, 'csv');
    throw error;
  }
}
