import { getCustomer, resolveCustomer, type CustomerKeys, type CustomerProfile, type CustomerRow } from '../customers/customer-store.ts';
import type { Deps } from '../platform/deps.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { receiveEvent } from './event-received.ts';

/**
 * The store creates or updates a customer. A customer created here has signed up: the sign-up
 * rules award their points in the same transaction. Guests created by an order are not sign-ups.
 */
export async function upsertCustomer(
  deps: Deps,
  program: ProgramContext,
  keys: CustomerKeys,
  profile: CustomerProfile,
): Promise<{ customer: CustomerRow; created: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const resolved = await resolveCustomer(tx, program.id, keys, now, profile);
    if (!resolved.created) return resolved;
    await receiveEvent(tx, program, resolved.customer, { type: 'signup', idempotency_key: 'signup', properties: {}, occurred_at: now }, now);
    return { customer: await getCustomer(tx, program.id, resolved.customer.id), created: true };
  });
}
