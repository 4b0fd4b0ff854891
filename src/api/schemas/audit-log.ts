import { Type } from 'typebox';
import { ListQuery, Nullable, Timestamp } from './common.ts';

export const AuditEntry = Type.Object({
  object: Type.Literal('audit_entry'),
  id: Type.String(),
  actor: Type.String({ description: '`user:usr_…`, `key:key_…`, or the store platform (`shopify:<shop>`).' }),
  actor_name: Nullable(Type.String({ description: 'A user’s email.' })),
  action: Type.String(),
  subject: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  before: Type.Unknown({ description: 'The object before the change, as its GET showed it (null for a creation).' }),
  after: Type.Unknown({ description: 'The answer to the change; secrets are never kept.' }),
  reason: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  created_at: Timestamp,
});

export const AuditFilter = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  object_id: Type.Optional(Type.String({ maxLength: 64, description: 'Changes of this object (a customer, a reward, …).' })),
  subject_id: Type.Optional(Type.String({ maxLength: 64, description: 'The same as object_id.' })),
  actor: Type.Optional(Type.String({ maxLength: 254, description: 'Changes by this actor (`user:usr_…`, `key:key_…`) or user email.' })),
});

export const AuditQuery = Type.Object({ ...ListQuery.properties, ...AuditFilter.properties });
