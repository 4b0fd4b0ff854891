import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL to use; without it the embedded PostgreSQL in `dataDir` is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Instance admin key: creates programs. Unset means no admin endpoints. */
  adminKey: string | undefined;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: parsePort(env.PORT ?? '3000'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.REGULARS_DATA_DIR ?? '.regulars'),
    adminKey: env.REGULARS_ADMIN_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}
