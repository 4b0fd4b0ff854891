import { getMessage, listMessages } from '../emails/email-store.ts';
import type { EmailStatus } from '../platform/db/email-tables.ts';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from './database.ts';
import { chosenProgram } from './default-program.ts';

/** `regulars emails outbox`: the emails kept without SMTP (or any status), newest first, to read what each flow would send. */
export async function emailsOutbox(options: { program?: string; status: string; limit: string; json?: boolean; show?: string }): Promise<void> {
  const database = await openDatabase(readConfig(), (line) => console.error(line));
  try {
    const programId = await chosenProgram(database.db, options.program);
    const status = options.status === 'all' ? undefined : (options.status as EmailStatus);
    const rows = (await listMessages(database.db, programId, { ...(status ? { status } : {}), limit: Number(options.limit) })).slice(0, Number(options.limit));
    if (options.json) {
      console.log(JSON.stringify(rows.map(({ html: _h, ...m }) => m)));
      return;
    }
    if (options.show) {
      const m = await getMessage(database.db, programId, options.show);
      console.log(`To: ${m.to_address ?? '–'}\nSubject: ${m.subject ?? '–'}\nStatus: ${m.status}${m.reason ? ` (${m.reason})` : ''}\n\n${m.text_body ?? '(not rendered yet)'}`);
      return;
    }
    if (rows.length === 0) console.log(`No ${status ?? ''} emails yet.`.replace('  ', ' '));
    for (const m of rows) console.log([m.id, new Date(m.sent_at ?? m.send_after).toISOString().slice(0, 16).replace('T', ' '), m.status.padEnd(10), m.flow.padEnd(19), (m.to_address ?? '').padEnd(28), m.subject ?? m.reason ?? ''].join('  '));
  } finally {
    await database.close();
  }
}
