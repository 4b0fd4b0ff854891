import type { Deps } from '../../platform/deps.ts';
import { webhookDeliveries, webhookLatency } from '../../platform/metrics.ts';
import type { AllowedDestinations } from '../../webhooks/destination-guard.ts';
import { DISABLE_AFTER_MS, outcomeOf } from '../../webhooks/delivery-outcome.ts';
import { claimDue, recordAttempt, type WebhookDeliveryRow } from '../../webhooks/delivery-store.ts';
import { disableEndpoint, signingSecrets } from '../../webhooks/endpoint-store.ts';
import { postWebhook } from '../../webhooks/webhook-request.ts';
import { signatureHeader } from '../../webhooks/webhook-signature.ts';

export interface WebhookSettings {
  /** Seconds to wait before each retry after a failed attempt (REGULARS_WEBHOOK_RETRY_SECONDS). */
  schedule: number[];
  allowed: AllowedDestinations;
}

/**
 * One attempt of a claimed delivery: signed with the endpoint's secrets, sent, and its outcome
 * recorded. A success ends the endpoint's failing streak; a 410, or five days of nothing but
 * failures, disables the endpoint.
 */
export async function attemptDelivery(deps: Deps, settings: WebhookSettings, delivery: WebhookDeliveryRow): Promise<void> {
  const endpoint = await deps.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', delivery.endpoint_id).executeTakeFirst();
  if (!endpoint) return;
  const now = deps.clock.now();
  // The attempt's wall-clock time: receivers compare it with theirs (5 minutes either way).
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'webhook-id': delivery.event_id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(signingSecrets(endpoint, deps.secrets, now), delivery.event_id, timestamp, delivery.body),
  };
  const started = performance.now();
  const answer = await postWebhook(new URL(endpoint.url), headers, delivery.body, settings.allowed);
  const latencyMs = Math.round(performance.now() - started);
  const outcome = outcomeOf(answer, delivery.step, settings.schedule, now);
  await deps.db.transaction().execute(async (tx) => {
    await recordAttempt(tx, delivery, { at: now, latencyMs, answer, outcome });
    if (outcome.kind === 'succeeded') {
      if (endpoint.failing_since) await tx.updateTable('webhook_endpoints').set({ failing_since: null }).where('id', '=', endpoint.id).execute();
      return;
    }
    if (outcome.kind === 'gone') return disableEndpoint(tx, endpoint, 'gone', now);
    const since = endpoint.failing_since ? new Date(endpoint.failing_since) : now;
    if (now.getTime() - since.getTime() >= DISABLE_AFTER_MS) return disableEndpoint(tx, endpoint, 'failing', now);
    if (!endpoint.failing_since) await tx.updateTable('webhook_endpoints').set({ failing_since: now }).where('id', '=', endpoint.id).where('failing_since', 'is', null).execute();
  });
  webhookDeliveries.inc({ outcome: outcome.kind === 'retry' ? 'retrying' : outcome.kind });
  webhookLatency.observe(latencyMs / 1000);
}

/** Attempts every delivery due now, and returns how many (one pass, as the loop makes it). */
export async function deliverDueWebhooks(deps: Deps, settings: WebhookSettings): Promise<number> {
  const claimed = await claimDue(deps.db, deps.clock.now(), { limit: 100, perEndpoint: 100, busy: [] });
  await Promise.all(claimed.map((d) => attemptDelivery(deps, settings, d)));
  return claimed.length;
}
