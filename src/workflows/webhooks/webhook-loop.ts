import type { Deps } from '../../platform/deps.ts';
import { repeatEvery } from '../../platform/repeat.ts';
import { claimDue } from '../../webhooks/delivery-store.ts';
import { attemptDelivery, type WebhookSettings } from './webhook-delivered.ts';

const IN_FLIGHT = 64;
const PER_ENDPOINT = 4;

/**
 * The webhook sender of each instance: every `everyMs` it claims what is due and sends it without
 * waiting for the rest, at most 4 at a time per endpoint and 64 in all, so a slow endpoint uses
 * its own 4 and never holds up another (nor the API, which only wrote the event). Instances
 * share the work through the claims.
 */
export function startWebhookLoop(deps: Deps, settings: WebhookSettings, log: (line: string) => void, everyMs = 1000): () => Promise<void> {
  const inFlight = new Map<Promise<void>, string>();
  const perEndpoint = () => {
    const counts = new Map<string, number>();
    for (const endpoint of inFlight.values()) counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    return counts;
  };
  const pass = async () => {
    const free = IN_FLIGHT - inFlight.size;
    if (free <= 0) return;
    const busy = [...perEndpoint()].filter(([, n]) => n >= PER_ENDPOINT).map(([endpoint]) => endpoint);
    const claimed = await claimDue(deps.db, deps.clock.now(), { limit: free, perEndpoint: PER_ENDPOINT, busy });
    for (const delivery of claimed) {
      const attempt: Promise<void> = attemptDelivery(deps, settings, delivery)
        .catch((error: unknown) => log(`webhooks: ${delivery.id}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => inFlight.delete(attempt));
      inFlight.set(attempt, delivery.endpoint_id);
    }
  };
  const stop = repeatEvery(everyMs, pass, (error) => log(`webhooks: ${error instanceof Error ? error.message : String(error)}`));
  return async () => {
    await stop();
    await Promise.all(inFlight.keys());
  };
}
