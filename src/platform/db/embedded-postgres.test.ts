import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** Starts the embedded PostgreSQL in another Node process, as `npm start` would (which stays up serving), and kills that process. */
async function crashWhileRunning(dataDir: string): Promise<number> {
  const module = path.join(import.meta.dirname, 'embedded-postgres.ts');
  const child = spawn(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(module)}); const db = await m.startEmbeddedPostgres(${JSON.stringify(dataDir)}); console.log(db.url); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  await query(url, 'create table survived (n int); insert into survived values (42)');
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

describe('embedded PostgreSQL', () => {
  it('a crashed run leaves an orphaned postmaster; the next start stops it and keeps the data', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'regulars-crash-'));
    dirs.push(dataDir);
    const orphan = await crashWhileRunning(dataDir);
    expect(() => process.kill(orphan, 0)).not.toThrow();
    const db = await startEmbeddedPostgres(dataDir);
    try {
      expect(await query(db.url, 'select n from survived')).toEqual([{ n: 42 }]);
      expect(() => process.kill(orphan, 0)).toThrow();
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('starts past a stale postmaster.pid whose process is gone', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'regulars-stale-'));
    dirs.push(dataDir);
    const first = await startEmbeddedPostgres(dataDir);
    await first.stop();
    await writeFile(path.join(dataDir, 'postgres', 'postmaster.pid'), '999999\n/nowhere\n');
    const second = await startEmbeddedPostgres(dataDir);
    try {
      expect(await query(second.url, 'select 1 as ok')).toEqual([{ ok: 1 }]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
