import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config.ts';

/**
 * Secrets Regulars must use again, not just compare: a store's webhook secret (to check each
 * delivery's HMAC), an admin access token (to call the store's API). They are stored sealed with
 * AES-256-GCM under the instance's encryption key, never in clear and never returned.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
  /** A keyed hash (HMAC-SHA256): what to keep of a visitor's address instead of the address. */
  digest(text: string): string;
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new ConfigError('REGULARS_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or 44 base64 characters.');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed) {
      const raw = Buffer.from(sealed.replace(/^v1\./, ''), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    digest: (text) => createHmac('sha256', key).update(text).digest('hex'),
  };
}

/**
 * The instance's encryption key: REGULARS_ENCRYPTION_KEY when set (every instance of a cluster
 * needs the same one), otherwise a key made on first start and kept in the data folder.
 */
export async function loadSecretBox(configured: string | undefined, dataDir: string): Promise<SecretBox> {
  if (configured) return secretBox(decodeKey(configured));
  const file = path.join(dataDir, 'encryption.key');
  if (!existsSync(file)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  return secretBox(decodeKey((await readFile(file, 'utf8')).trim()));
}

function decodeKey(text: string): Buffer {
  return /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}
