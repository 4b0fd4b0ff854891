import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL to use; without it the embedded PostgreSQL in `dataDir` is started. */
  databaseUrl: string | undefined;
  /** A standby for reports, CLV, cohorts and exports; writes never go there. Default: databaseUrl. */
  databaseReadUrl: string | undefined;
  dataDir: string;
  /** Instance admin key: creates programs. Unset means no admin endpoints. */
  adminKey: string | undefined;
  logLevel: string;
  /** How long a SIGTERM waits for in-flight requests and jobs before the process exits anyway. */
  shutdownSeconds: number;
  /** Bearer token for GET /metrics; unset, /metrics answers loopback callers only. */
  metricsToken: string | undefined;
  rateLimits: RateLimitDefaults;
  /** Key for sealed secrets (32 bytes, hex or base64); unset, one is made in the data folder. */
  encryptionKey: string | undefined;
  /** Where shops reach this instance (webhook URLs); unset, the address a request came to. */
  publicUrl: string | undefined;
  /** SMTP server for the lifecycle emails (smtp:// or smtps://); unset, messages are kept in the outbox. */
  smtpUrl: string | undefined;
  /** The sender of the emails, unless a program sets its own. */
  emailFrom: string;
  /** How often the email sweep looks for what is due, in seconds. */
  emailPollSeconds: number;
  /** Seconds before each retry of a send the SMTP server refused for now (4xx). */
  emailRetrySeconds: number[];
  /** Seconds to wait before each webhook retry, after a failed attempt (the first 0: at once). */
  webhookRetrySeconds: number[];
  /** Hosts, addresses and CIDR ranges webhooks may reach although loopback, link-local or private. */
  webhookAllowedHosts: string[];
}

export interface RateLimitDefaults {
  /** Requests per minute per secret key on an instance, unless the program sets its own. */
  secretPerMinute: number;
  /** Requests per minute per publishable key and shopper IP on an instance, unless the program sets its own. */
  publishablePerMinute: number;
}

/** Generous enough never to touch a benchmark's load; a program lowers its own. */
export const DEFAULT_RATE_LIMITS: RateLimitDefaults = { secretPerMinute: 300_000, publishablePerMinute: 600 };

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', env.PORT ?? '3000', 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: env.REGULARS_DATA_DIR ? path.resolve(env.REGULARS_DATA_DIR) : defaultDataDir(process.cwd(), userInfo().uid),
    adminKey: env.REGULARS_ADMIN_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    shutdownSeconds: integer('REGULARS_SHUTDOWN_TIMEOUT', env.REGULARS_SHUTDOWN_TIMEOUT ?? '10', 1, 3600),
    metricsToken: env.REGULARS_METRICS_TOKEN || undefined,
    encryptionKey: env.REGULARS_ENCRYPTION_KEY || undefined,
    publicUrl: env.REGULARS_PUBLIC_URL ? env.REGULARS_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    smtpUrl: env.SMTP_URL || undefined,
    emailFrom: env.EMAIL_FROM || 'Regulars <no-reply@localhost>',
    emailPollSeconds: integer('REGULARS_EMAIL_POLL_SECONDS', env.REGULARS_EMAIL_POLL_SECONDS ?? '5', 1, 3600),
    emailRetrySeconds: seconds('REGULARS_EMAIL_RETRY_SECONDS', env.REGULARS_EMAIL_RETRY_SECONDS ?? '60,300,1800,7200,21600'),
    webhookRetrySeconds: seconds('REGULARS_WEBHOOK_RETRY_SECONDS', env.REGULARS_WEBHOOK_RETRY_SECONDS ?? '0,5,300,1800,7200,18000,36000,36000'),
    webhookAllowedHosts: webhookAllowedHosts(env),
    rateLimits: {
      secretPerMinute: integer('REGULARS_RATE_LIMIT_PER_MINUTE', env.REGULARS_RATE_LIMIT_PER_MINUTE ?? String(DEFAULT_RATE_LIMITS.secretPerMinute), 1, 100_000_000),
      publishablePerMinute: integer('REGULARS_PUBLISHABLE_RATE_LIMIT_PER_MINUTE', env.REGULARS_PUBLISHABLE_RATE_LIMIT_PER_MINUTE ?? String(DEFAULT_RATE_LIMITS.publishablePerMinute), 1, 100_000_000),
    },
  };
}

/**
 * `./.regulars`, except as root where the `postgres` user (which runs the embedded PostgreSQL)
 * cannot reach the working folder, as under a mode-700 /root: then /var/lib/regulars.
 */
export function defaultDataDir(cwd: string, uid: number, othersMayEnter: (dir: string) => boolean = mayEnter): string {
  const local = path.join(cwd, '.regulars');
  if (uid !== 0) return local;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (!othersMayEnter(dir)) return '/var/lib/regulars';
    if (dir === path.dirname(dir)) return local;
  }
}

function mayEnter(dir: string): boolean {
  try {
    return (statSync(dir).mode & 0o001) !== 0;
  } catch {
    return false;
  }
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}".`);
  return n;
}

/** A comma-separated list of seconds ("60,300,1800"; fractions allowed, "0.5"). */
function seconds(name: string, value: string): number[] {
  return value.split(',').map((part) => {
    const n = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(n) || n < 0 || n > 7 * 86_400) throw new ConfigError(`${name} must be seconds from 0 to 604800, separated by commas, got "${value}".`);
    return n;
  });
}

/** REGULARS_WEBHOOK_ALLOWED_HOSTS, comma-separated. */
export const webhookAllowedHosts = (env: NodeJS.ProcessEnv = process.env): string[] =>
  (env.REGULARS_WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
