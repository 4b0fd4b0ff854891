import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const CHUNK_BYTES = 64 * 1024;

/**
 * Streams lines (each ending in a newline) into a `COPY … FROM STDIN`, about 64 kB per message:
 * sent one line per message, the messages cost ten times the COPY itself. `onLines` hears how
 * many lines have been sent so far, once per chunk.
 */
export async function copyLines(client: pg.ClientBase, statement: string, lines: Iterable<string>, onLines?: (sent: number) => void): Promise<void> {
  const chunks = function* () {
    let chunk = '';
    let sent = 0;
    for (const line of lines) {
      chunk += line;
      sent += 1;
      if (chunk.length >= CHUNK_BYTES) {
        yield chunk;
        onLines?.(sent);
        chunk = '';
      }
    }
    if (chunk) yield chunk;
    onLines?.(sent);
  };
  await pipeline(Readable.from(chunks()), client.query(copyFrom(statement)));
}
