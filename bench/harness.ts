import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/db/embedded-postgres.ts';
import { freePort } from '../src/platform/free-port.ts';
import { withDatabase } from '../src/platform/testing/global-setup.ts';

/** What every benchmark needs: a PostgreSQL (DATABASE_URL's server, or a fresh embedded one), fresh databases, a server process. */
export interface BenchServer {
  serverUrl: string;
  freshDatabase(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function benchPostgres(): Promise<BenchServer> {
  const dataDir = process.env.DATABASE_URL ? undefined : await mkdtemp(path.join(tmpdir(), 'regulars-bench-'));
  const embedded = dataDir ? await startEmbeddedPostgres(dataDir) : undefined;
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  return {
    serverUrl,
    async freshDatabase(name) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await admin.end();
      return withDatabase(serverUrl, name);
    },
    async close() {
      await embedded?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts `regulars start` on a database; resolves with its URL and the default program's key.
 * BENCH_CPU_PROF=<dir> writes the server's CPU profile there when it stops (NODE_OPTIONS may not carry --cpu-prof).
 */
export async function startRegulars(databaseUrl: string): Promise<{ baseUrl: string; apiKey: string; process: ChildProcess }> {
  const port = await freePort();
  const bin = path.join(import.meta.dirname, '..', 'bin', 'regulars.mjs');
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, bin, 'start'], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const apiKey = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`regulars exited with ${code}:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const key = /(sk_\S+)/.exec(output)?.[1];
      if (key && output.includes('Regulars is running')) resolve(key);
    });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, apiKey, process: child };
}

/** A count the benchmark checks its run by (`select count(*)::int as n …`), on a connection of its own. */
export async function countOf(databaseUrl: string, query: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(query, params)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/**
 * `regulars verify` on the benchmark's database: every balance equals its entries, every tier its
 * metric, every customer's order statistics their orders. Prints its verdict; false on any difference.
 */
export function verifyAfter(databaseUrl: string): boolean {
  const bin = path.join(import.meta.dirname, '..', 'bin', 'regulars.mjs');
  const run = spawnSync(process.execPath, [bin, 'verify'], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  console.log(`regulars verify: ${run.status === 0 ? 'clean' : `${run.stdout.trim().split('\n').slice(-1)[0]} (exit ${run.status})`}`);
  return run.status === 0;
}

/** pgbench's TPC-B-like run on its own database of the same server: the reference for write throughput. */
export function pgbenchTps(databaseUrl: string, clients: number, seconds: number): number {
  const which = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (which.error) throw new Error('pgbench not found: apt-get install -y postgresql-client (or postgresql-contrib)');
  const init = spawnSync('pgbench', ['-i', '-q', '-s', '10', databaseUrl], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const run = spawnSync('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), '-M', 'prepared', databaseUrl], { encoding: 'utf8' });
  const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
  if (run.status !== 0 || !tps) throw new Error(`pgbench failed: ${run.stderr}${run.stdout}`);
  return Number(tps);
}
