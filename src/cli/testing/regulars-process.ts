import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll } from 'vitest';
import { freePort } from '../../platform/free-port.ts';

const bin = path.resolve(import.meta.dirname, '../../../bin/regulars.mjs');

/** A `regulars start` process of a test's own, as an operator runs it. */
export interface RegularsProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once it ended. */
  exited: Promise<number | string>;
  /** The secret key it printed when it created the default program, if it did. */
  apiKey: string | undefined;
}

export async function startRegulars(env: Record<string, string | undefined>, options: { timeoutMs?: number; cwd?: string } = {}): Promise<RegularsProcess> {
  const port = await freePort();
  const entry = options.cwd ? path.join(options.cwd, 'bin', 'regulars.mjs') : bin;
  const child = spawn(process.execPath, [entry, 'start'], {
    cwd: options.cwd, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  // A failed test must not leave a server behind.
  afterAll(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!output.includes('Regulars is running on')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`regulars start ended before serving:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`regulars start did not serve in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url: `http://127.0.0.1:${port}`, child, output: () => output, exited, apiKey: /\s(sk_[\w-]+)/.exec(output)?.[1] };
}

/** Sends what `send` makes, from `workers` loops at once, until `stop` resolves; returns every outcome. */
export async function keepSending<T>(workers: number, stop: Promise<unknown>, send: (n: number) => Promise<T>): Promise<T[]> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const outcomes: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!stopped) outcomes.push(await send(next++));
    }),
  );
  return outcomes;
}
