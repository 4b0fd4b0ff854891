import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExactJson } from '../platform/exact-json.ts';
import type { Json } from './payload.ts';
import { shopifyOrder, shopifyRefund } from './shopify.ts';
import { signatureOf, signedBy } from './signatures.ts';
import { decideOrder, type OrderSettings } from './store-order.ts';
import { isWooCommercePing, wooCommerceOrder } from './woocommerce.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const fixture = async (name: string) => parseExactJson(await readFile(path.join(fixtures, name), 'utf8')) as Json;
const settings: OrderSettings = { award_on: 'paid', include_test_orders: false, channels: ['*'], guests: 'by_email', excluded_customer_tags: [] };

describe('Shopify payloads', () => {
  it('read ids as the exact text received, money in minor units of the shop currency', async () => {
    const order = shopifyOrder(await fixture('shopify-orders-create.json'));
    expect(order.externalId).toBe('820982911946154500'); // the fixture's own (already rounded) text, not re-rounded
    expect(order.customer?.externalId).toBe('115310627314723950');
    expect(order).toMatchObject({ currency: 'USD', subtotal: 41495, discount: 2000, shipping: 1000, total: 40495, test: true, channel: 'web', cancelled: true });
    expect(order.lineItems[0]).toEqual({ line_id: '487817672276298560', product_id: '788032119674292900', sku: 'SKU2006-001', title: 'Aviator sunglasses', quantity: 1, unit_price: 8999 });
    expect(order.createdAt.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(decideOrder(settings, order)).toEqual({ award: false, state: 'excluded', reason: 'test order' });
  });

  it('keep a 64-bit id that JSON.parse would round', () => {
    const body = '{"id": 9007199254740993123, "currency": "USD", "financial_status": "paid", "line_items": []}';
    expect(JSON.parse(body).id).not.toBe(9007199254740993123n.toString());
    expect(shopifyOrder(parseExactJson(body) as Json).externalId).toBe('9007199254740993123');
  });

  it('value refunds by their lines, resolving line ids through the order', async () => {
    const order = await fixture('shopify-order-rest-example-450789469.json');
    const read = shopifyOrder(order);
    expect(read).toMatchObject({ externalId: '450789469', stage: 'paid', subtotal: 59700, discount: 1000, discountCodes: ['TENOFF'] });
    expect(read.customer?.tags).toEqual(['Léon', 'Noël']);
    expect(read.refunds[0]).toMatchObject({
      externalId: '509562969',
      orderExternalId: '450789469',
      lineItems: [
        { line_id: '703073504', product_id: '632910392', variant_id: '457924702', quantity: 1 },
        { line_id: '466157049', product_id: '632910392', variant_id: '39072856', quantity: 1 },
      ],
      amount: 39133,
    });
    const refund = shopifyRefund(await fixture('shopify-refunds-create.json'));
    expect(refund).toMatchObject({ externalId: '890088186047892400', orderExternalId: '820982911946154500' });
    expect(refund.lineItems).toHaveLength(5);
  });
});

describe('WooCommerce payloads', () => {
  it('read a processing guest order in UTC, and its ping', async () => {
    const order = wooCommerceOrder(await fixture('woocommerce-order-created.json'));
    expect(order).toMatchObject({ externalId: '727', currency: 'USD', subtotal: 1800, shipping: 1000, tax: 135, total: 2935, stage: 'paid', customer: undefined, email: 'john.doe@example.com', channel: 'rest-api' });
    expect(order.updatedAt?.toISOString()).toBe('2017-03-22T19:28:08.000Z');
    expect(decideOrder({ ...settings, award_on: 'processing' }, order)).toEqual({ award: true });
    expect(decideOrder({ ...settings, award_on: 'completed' }, order)).toMatchObject({ award: false, state: 'waiting' });
    expect(decideOrder({ ...settings, guests: 'ignore' }, order)).toMatchObject({ award: false, state: 'excluded', reason: 'guest checkout' });
    expect(isWooCommercePing('webhook_id=42')).toBe(true);
  });

  it('take refunds as positive amounts, and a refunded order without records as refunded in full', async () => {
    const order = await fixture('woocommerce-order-created.json');
    expect(wooCommerceOrder({ ...order, refunds: [{ id: 730, reason: 'damaged', total: '-6.00' }] }).refunds).toEqual([{ externalId: '730', orderExternalId: '727', lineItems: [], amount: 600 }]);
    expect(wooCommerceOrder({ ...order, status: 'refunded' }).refunds).toMatchObject([{ rest: true }]);
    expect(wooCommerceOrder({ ...order, currency: 'KWD', total: '1.250', line_items: [] }).total).toBe(1250);
  });
});

describe('signatures', () => {
  it('match base64 HMAC-SHA256 of the raw bytes, for any current secret', () => {
    // WooCommerce core's own test vector: an empty secret signing "secret".
    expect(signatureOf('secret', '')).toBe('GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=');
    const body = Buffer.from('{"id":1}');
    expect(signedBy(body, signatureOf(body, 'new'), ['old', 'new'])).toBe(true);
    expect(signedBy(body, signatureOf(body, 'other'), ['old', 'new'])).toBe(false);
    expect(signedBy(Buffer.from('{"id":2}'), signatureOf(body, 'new'), ['new'])).toBe(false);
    expect(signedBy(body, undefined, ['new'])).toBe(false);
    expect(signedBy(body, 'not base64 at all', ['new'])).toBe(false);
  });
});
