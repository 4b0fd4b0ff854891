import { Type, type TProperties } from 'typebox';

/** A request body object: unknown fields are refused, so a typo is an error, not a silent no-op. */
export const Body = <T extends TProperties>(properties: T, options: { description?: string } = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });
