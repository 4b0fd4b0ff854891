import { recordAudit } from '../audit/audit-log.ts';
import type { ConnectionRow } from '../connections/connection-store.ts';
import { forgetBodies } from '../connections/inbox.ts';
import { findCustomer, redactCustomers } from '../customers/customer-store.ts';
import { presentCustomer } from '../customers/presenter.ts';
import { listTransactions, presentTransaction } from '../ledger/transactions.ts';
import { forgetOrderTraces, listOrders } from '../orders/order-store.ts';
import type { Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { answersOf, forgetAnswers } from '../profiles/answer-store.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { presentRedemption } from '../redemptions/presenter.ts';
import { listRedemptions } from '../redemptions/redemption-store.ts';

export interface PrivacySubject {
  externalId: string | undefined;
  email: string | undefined;
  requestId: string | undefined;
}

const ALL = { limit: 100_000 };

/**
 * A store asks, on a shopper's behalf, for the data Regulars holds on them (Shopify's
 * customers/data_request): the export is kept for the merchant to fetch (GET /v1/privacy-requests).
 */
export async function exportCustomerData(deps: Deps, connection: ConnectionRow, subject: PrivacySubject): Promise<string> {
  const program = await loadProgramContext(deps.db, connection.program_id, connection.store_id);
  const customer = await findCustomer(deps.db, program.id, { external_id: subject.externalId, email: subject.email });
  const data = customer
    ? {
        customer: presentCustomer(customer, program.currency),
        orders: (await listOrders(deps.db, program.id, { customer_id: customer.id, ...ALL })).map((o) => ({ id: o.id, external_id: o.external_id, placed_at: o.placed_at, currency: o.currency, total: o.total_minor, status: o.status, points_earned: o.points_earned })),
        transactions: (await listTransactions(deps.db, program.id, customer.id, ALL)).map(presentTransaction),
        redemptions: (await listRedemptions(deps.db, program.id, { customer_id: customer.id, ...ALL })).map(presentRedemption),
        profile_answers: (await answersOf(deps.db, program.id, customer.id)).map((a) => ({ question_key: a.key, value: a.value, answered_at: a.answered_at })),
      }
    : null;
  return record(deps, connection, 'data_request', customer?.id, subject, data);
}

/**
 * A store asks to erase a shopper's personal data (Shopify's customers/redact): email, names,
 * birthday, tags, profile answers and the hashes of where their orders came from go, as do the raw deliveries that
 * mention them; amounts, ids and the ledger stay, as a financial record.
 */
export async function redactCustomer(deps: Deps, connection: ConnectionRow, subject: PrivacySubject): Promise<string> {
  const customer = await findCustomer(deps.db, connection.program_id, { external_id: subject.externalId, email: subject.email });
  if (customer) await erase(deps, connection, [customer.id]);
  await forgetBodies(deps.db, connection.id, [subject.externalId, subject.email].filter((v): v is string => v !== undefined));
  return record(deps, connection, 'customer_redact', customer?.id, subject, null);
}

/**
 * Shopify's shop/redact, 48 hours after the app was uninstalled: the shop's personal data goes. The
 * customers whose orders are all from this store are erased as above (in a coalition, a shopper
 * who also buys at another store keeps what that store needs); the connection's raw deliveries go.
 */
export async function redactShop(deps: Deps, connection: ConnectionRow): Promise<string> {
  const customers = await deps.db
    .selectFrom('customers as c')
    .select('c.id')
    .where('c.program_id', '=', connection.program_id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('orders as o').select('o.id').whereRef('o.customer_id', '=', 'c.id').where('o.store_id', '<>', connection.store_id))))
    .execute();
  await erase(deps, connection, customers.map((c) => c.id));
  await forgetBodies(deps.db, connection.id);
  return record(deps, connection, 'shop_redact', undefined, { externalId: undefined, email: undefined, requestId: undefined }, { customers_redacted: customers.length });
}

async function erase(deps: Deps, connection: ConnectionRow, customerIds: string[]): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await redactCustomers(tx, connection.program_id, customerIds, now);
    await forgetOrderTraces(tx, connection.program_id, customerIds);
    await forgetAnswers(tx, connection.program_id, customerIds);
  });
}

async function record(deps: Deps, connection: ConnectionRow, kind: 'data_request' | 'customer_redact' | 'shop_redact', customerId: string | undefined, subject: PrivacySubject, data: unknown): Promise<string> {
  const now = deps.clock.now();
  const id = newId('prq', now.getTime());
  await deps.db
    .insertInto('privacy_requests')
    .values({
      id,
      program_id: connection.program_id,
      connection_id: connection.id,
      kind,
      regarding_customer_id: customerId ?? null,
      external_customer_id: subject.externalId ?? null,
      external_request_id: subject.requestId ?? null,
      status: customerId || kind === 'shop_redact' ? 'completed' : 'no_data',
      export: kind === 'data_request' ? JSON.stringify(data) : kind === 'shop_redact' ? JSON.stringify(data) : null,
      received_at: now,
      completed_at: now,
    })
    .execute();
  await recordAudit(
    deps.db,
    {
      programId: connection.program_id,
      actor: `${connection.platform}:${connection.shop_domain ?? connection.site_url}`,
      action: { data_request: 'privacy.data_exported', customer_redact: 'privacy.customer_redacted', shop_redact: 'privacy.shop_redacted' }[kind],
      subject: customerId ? { type: 'customer', id: customerId } : { type: 'connection', id: connection.id },
      details: { privacy_request_id: id, external_customer_id: subject.externalId ?? null, found: Boolean(customerId) || kind === 'shop_redact' },
    },
    now,
  );
  return id;
}
