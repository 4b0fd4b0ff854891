import { Type } from 'typebox';
import { Nullable, Timestamp } from './common.ts';

export const RoleName = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('marketer'), Type.Literal('support'), Type.Literal('viewer')], {
  description: 'owner: everything; admin: everything but owners; marketer: setup and analytics; support: customers, points within the limit, voiding codes; viewer: read only.',
});

export const Session = Type.Object({
  object: Type.Literal('session'),
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Nullable(Type.String()) }),
  programs: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: RoleName })),
  program: Nullable(Type.Object({ id: Type.String(), name: Type.String(), role: RoleName }), { description: 'The program this session acts in: the Regulars-Program header’s, else the first.' }),
  csrf_token: Type.String({ description: 'Send it as X-CSRF-Token on every write made with this session.' }),
});

export const SetupLink = Type.Object({
  object: Type.Literal('setup_link'),
  purpose: Type.Union([Type.Literal('setup'), Type.Literal('invite'), Type.Literal('reset')]),
  email: Nullable(Type.String()),
});

export const User = Type.Object({
  object: Type.Literal('user'),
  id: Type.String(),
  email: Type.String(),
  name: Nullable(Type.String()),
  role: RoleName,
  has_password: Type.Boolean({ description: 'False until an invited user has set their password.' }),
  created_at: Timestamp,
  invite_url: Type.Optional(Type.String({ description: 'Only when the user was just invited: the link that sets their password (24 hours), shown once.' })),
});

export const ApiKey = Type.Object({
  object: Type.Literal('api_key'),
  id: Type.String(),
  label: Type.String(),
  hint: Type.String({ description: 'The last characters, to tell keys apart.' }),
  store_id: Nullable(Type.String()),
  created_at: Timestamp,
  revoked_at: Nullable(Timestamp),
  secret: Type.Optional(Type.String({ description: 'Only in the answer that created it: the key itself, shown once.' })),
});
