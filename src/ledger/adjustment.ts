import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { lockCustomer, postTransfers } from './ledger-store.ts';
import { Account, move } from './transfer.ts';

/** What the ledger needs to know of the program an adjustment belongs to. */
export interface LedgerScope {
  id: string;
  allowNegativeBalance: boolean;
}

export interface AdjustmentRequest {
  points: number;
  reason: string;
  /** Who made it, as recorded in the ledger. */
  actor: string;
  idempotency_key?: string;
}

/**
 * A merchant adds or removes points by hand, with a reason. Removing never takes the available
 * balance below zero unless the program allows negative balances. Returns the transfer's id.
 */
export async function adjustPoints(deps: Deps, program: LedgerScope, customerId: string, request: AdjustmentRequest): Promise<string> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomer(tx, program.id, customerId);
    const key = `adjust:${request.idempotency_key ?? newId('adj')}`;
    if (request.points < 0 && customer.points_available + request.points < 0 && !program.allowNegativeBalance) {
      throw new RegularsError(
        'invalid_request',
        'insufficient_points',
        `Cannot remove ${-request.points} points: the customer has ${customer.points_available} available.`,
        'points',
      );
    }
    const entries = request.points > 0 ? move(request.points, Account.adjustments, Account.available) : move(-request.points, Account.available, Account.adjustments);
    const [posted] = await postTransfers(
      tx,
      program.id,
      customerId,
      [
        {
          code: 'adjust.manual',
          idempotency_key: key,
          reference: { type: 'adjustment', id: key },
          explanation: { summary: `Manual adjustment of ${request.points > 0 ? '+' : ''}${request.points} points: ${request.reason}`, inputs: { reason: request.reason } },
          actor: request.actor,
          occurred_at: now,
          entries,
          ...(request.points > 0 ? { opensLot: { earned_at: now } } : {}),
        },
      ],
      now,
      { allowNegative: program.allowNegativeBalance },
    );
    if (posted) return posted.id;
    // The same idempotency key again: the transfer the first request wrote.
    const first = await tx.selectFrom('transfers').select('id').where('customer_id', '=', customerId).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
    return first.id;
  });
}
