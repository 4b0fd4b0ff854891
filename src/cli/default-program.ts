import type { Db } from '../platform/db/database.ts';
import { countPrograms, createProgram } from '../programs/program-store.ts';

const say = (line: string) => console.log(line);

/**
 * On an empty database, the default program (REGULARS_CURRENCY, USD unless set), with its secret
 * key printed once. Every command that writes to a program starts with this, so importing history
 * is as valid a first step as `regulars start`.
 */
export async function createDefaultProgram(db: Db): Promise<void> {
  if ((await countPrograms(db)) > 0) return;
  const { program, apiKey } = await createProgram(db, { name: 'My store', currency: process.env.REGULARS_CURRENCY ?? 'USD' }, new Date());
  say('');
  say(`Created the default program ${program.id} (${program.currency}). Its secret API key, shown only now:`);
  say('');
  say(`  ${apiKey}`);
  say('');
  say('Keep it safe: send it as "Authorization: Bearer <key>". Create more programs with REGULARS_ADMIN_KEY and POST /v1/programs.');
  say('');
}

/** The program a command works on: the one named, else the first (the default one on a fresh install). */
export async function chosenProgram(db: Db, requested: string | undefined, options: { create?: boolean } = {}): Promise<string> {
  if (requested) return requested;
  if (options.create) await createDefaultProgram(db);
  const first = await db.selectFrom('programs').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (!first) throw new Error('No program yet: run `regulars start` once, or create one with POST /v1/programs.');
  return first.id;
}
