import { Type, type TSchema } from 'typebox';

/** Building blocks shared by every resource's schemas. */

/** An object id such as `cus_01j…`; an unknown one is a 404, like any other missing object. */
export const Id = (prefix: string, description = `Id with the \`${prefix}_\` prefix.`) => Type.String({ minLength: 1, maxLength: 64, description });

export const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) => Type.Union([schema, Type.Null()], options);

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC.' });

export const Points = Type.Integer({ minimum: -1e12, maximum: 1e12 });

/** An amount of money in integer minor units (cents for USD, yen for JPY). */
export const MinorUnits = (description = 'Integer minor units of the currency.') => Type.Integer({ minimum: 0, maximum: 1e13, description });

export const Currency = Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 currency code.' });

export const ExternalId = Type.String({ minLength: 1, maxLength: 255 });

export const Metadata = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  description: 'Your own key-value data; string values.',
});

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      type: Type.Union(
        ['invalid_request', 'authentication', 'permission', 'not_found', 'conflict', 'rate_limited', 'unavailable', 'internal'].map(
          (t) => Type.Literal(t),
        ),
      ),
      code: Type.String(),
      message: Type.String(),
      param: Type.Optional(Type.String()),
    }),
  },
  { $id: 'Error' },
);

export const ListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  starting_after: Type.Optional(Type.String({ maxLength: 64, description: 'Id of the last object of the previous page.' })),
});

export const List = <T extends TSchema>(item: T) =>
  Type.Object({
    object: Type.Literal('list'),
    data: Type.Array(item),
    has_more: Type.Boolean(),
  });

/** Responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  404: Type.Ref('Error'),
  409: Type.Ref('Error'),
  429: Type.Ref('Error'),
  503: Type.Ref('Error'),
};

/** The languages shoppers read (shopper/locales). */
export const LocaleSchema = (options: { description?: string } = {}) => Type.Union([Type.Literal('en'), Type.Literal('ar'), Type.Literal('fa'), Type.Literal('zh-Hans'), Type.Literal('zh-Hant')], options);

/** The RFM segments (src/analytics/segments.ts), as the report and the customer read name them. */
export const RfmSegmentSchema = (options: { description?: string } = {}) =>
  Type.Union(
    [
      Type.Literal('champions'),
      Type.Literal('loyal'),
      Type.Literal('potential_loyalist'),
      Type.Literal('new'),
      Type.Literal('promising'),
      Type.Literal('needs_attention'),
      Type.Literal('about_to_sleep'),
      Type.Literal('at_risk'),
      Type.Literal('cant_lose'),
      Type.Literal('hibernating'),
      Type.Literal('lost'),
    ],
    options,
  );

/** The lifecycle stages of the retention report. */
export const LifecycleStageSchema = (options: { description?: string } = {}) =>
  Type.Union([Type.Literal('new'), Type.Literal('one_time'), Type.Literal('repeat'), Type.Literal('loyal'), Type.Literal('at_risk'), Type.Literal('lapsed')], options);
