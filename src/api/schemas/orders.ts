import { Type } from 'typebox';
import { CustomerKeysInput } from './customers.ts';
import { Body } from '../../platform/http/body.ts';
import { Currency, ExternalId, Metadata, MinorUnits, Nullable, Timestamp } from './common.ts';

const StringList = (description: string) => Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 100, description }));

export const LineItemInput = Body({
  line_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Your platform’s id of this line; a refund may name the line by it (needed when one product is on several lines at different prices).' })),
  product_id: Type.String({ minLength: 1, maxLength: 255 }),
  variant_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  sku: Type.Optional(Type.String({ maxLength: 255 })),
  title: Type.String({ maxLength: 1000 }),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  unit_price: MinorUnits(),
  collections: StringList('Collection ids or handles, for earning rule filters.'),
  tags: StringList('Product tags, for earning rule filters.'),
});

export const OrderInput = Body({
  external_id: ExternalId,
  customer: CustomerKeysInput,
  currency: Currency,
  subtotal: MinorUnits('Line items before order discounts, in minor units.'),
  total: MinorUnits('What the shopper paid, in minor units.'),
  shipping: Type.Optional(MinorUnits()),
  tax: Type.Optional(MinorUnits()),
  discount: Type.Optional(MinorUnits()),
  line_items: Type.Optional(Type.Array(LineItemInput, { maxItems: 1000 })),
  discount_codes: StringList('Discount codes used on the order.'),
  placed_at: Type.Optional(Timestamp),
  metadata: Type.Optional(Metadata),
  ip_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: "A hash of the shopper's IP address, for referral fraud checks." })),
  device_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: "A hash of the shopper's device or browser fingerprint." })),
  shipping_address_hash: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'A hash of the normalised shipping address.' })),
});

const Award = Type.Object({
  transaction_id: Type.String(),
  rule_id: Nullable(Type.String()),
  points: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('available')]),
  available_at: Timestamp,
  explanation: Type.String(),
});

export const Order = Type.Object(
  {
    object: Type.Literal('order'),
    id: Type.String(),
    external_id: Type.String(),
    store_id: Type.String(),
    customer_id: Type.String(),
    currency: Type.String(),
    subtotal: Type.Integer(),
    total: Type.Integer(),
    shipping: Type.Integer(),
    tax: Type.Integer(),
    discount: Type.Integer(),
    refunded: Type.Integer({ description: 'Merchandise refunded so far, in minor units.' }),
    line_items: Type.Array(Type.Object({ line_id: Type.Optional(Type.String()), product_id: Type.String(), variant_id: Type.Optional(Type.String()), sku: Type.Optional(Type.String()), title: Type.String(), quantity: Type.Integer(), unit_price: Type.Integer(), collections: Type.Optional(Type.Array(Type.String())), tags: Type.Optional(Type.Array(Type.String())) })),
    discount_codes: Type.Array(Type.String()),
    status: Type.Union([Type.Literal('placed'), Type.Literal('cancelled')]),
    placed_at: Timestamp,
    cancelled_at: Nullable(Timestamp),
    points_earned: Type.Integer({ description: 'Points the order earned when placed.' }),
    points_reversed: Type.Integer({ description: 'Points taken back by refunds and cancellation.' }),
    points_forgiven: Type.Integer({ description: 'Points refunds should have taken back but the customer had already spent.' }),
    awards: Type.Array(Award),
    metadata: Metadata,
    created_at: Timestamp,
  },
);

export const RefundInput = Body({
  external_id: ExternalId,
  amount: Type.Optional(MinorUnits('Merchandise refunded (no shipping, no tax), in minor units.')),
  line_items: Type.Optional(
    Type.Array(
      Body({
        line_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The order line’s `line_id`: names the line exactly.' })),
        product_id: Type.String({ minLength: 1, maxLength: 255 }),
        variant_id: Type.Optional(Type.String({ maxLength: 255 })),
        quantity: Type.Integer({ minimum: 1 }),
      }),
      { minItems: 1, maxItems: 1000 },
    ),
  ),
});

export const Refund = Type.Object(
  {
    object: Type.Literal('refund'),
    id: Type.String(),
    external_id: Type.String(),
    order_id: Type.String(),
    amount: Type.Integer(),
    points_reversed: Type.Integer(),
    points_forgiven: Type.Integer(),
    created_at: Timestamp,
  },
);
