import { getCustomer } from '../customers/customer-store.ts';
import { lockCustomer } from '../ledger/ledger-store.ts';
import type { Deps } from '../platform/deps.ts';
import { conflict, invalidRequest } from '../platform/errors.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { receiveEvent } from './event-received.ts';

export type ShopperAction = { type: 'social_follow'; network: string } | { type: 'newsletter_signup' } | { type: 'birthday'; birthday: string };

/**
 * What a shopper may claim themselves from the widget, under the earning rule's own limits: a
 * follow on a network (once per network), the newsletter (consent recorded, once), their birthday
 * (set once and never changed from the storefront, so it cannot be moved to collect twice; the
 * birthday sweep awards it on the day). Returns the points awarded now.
 */
export async function claimAction(deps: Deps, program: ProgramContext, customerId: string, action: ShopperAction): Promise<{ points: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomer(tx, program.id, customerId);
    if (action.type === 'birthday') {
      const { birthday } = await getCustomer(tx, program.id, customerId);
      if (birthday && birthday !== action.birthday) throw conflict('birthday_already_set', 'Your birthday is already set; ask the store to change it.', 'birthday');
      if (Number.isNaN(Date.parse(action.birthday)) || new Date(action.birthday) > now) throw invalidRequest('parameter_invalid', 'birthday must be a past date, YYYY-MM-DD.', 'birthday');
      await tx.updateTable('customers').set({ birthday: action.birthday, updated_at: now }).where('id', '=', customerId).execute();
      return { points: 0 };
    }
    if (action.type === 'newsletter_signup') await tx.updateTable('customers').set({ marketing_consent: true, updated_at: now }).where('id', '=', customerId).execute();
    const properties = action.type === 'social_follow' ? { network: action.network } : {};
    const key = action.type === 'social_follow' ? `claim:social_follow:${action.network}` : `claim:${action.type}`;
    const { awards } = await receiveEvent(tx, program, customer, { type: action.type, idempotency_key: key, properties, occurred_at: now }, now);
    return { points: (awards ?? []).reduce((sum, a) => sum + a.points, 0) };
  });
}
