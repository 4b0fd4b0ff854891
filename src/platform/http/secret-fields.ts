const SECRET_FIELDS = /secret|password|token|key_hash/i;

/**
 * The value with every field whose name says it holds a secret replaced by `[redacted]`: what may
 * be kept of an answer (the audit log, a stored idempotent reply). A secret is shown once, to the
 * request that made it.
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[redacted]' : withoutSecrets(v)]));
}
