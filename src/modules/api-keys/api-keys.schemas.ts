import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';

export const ApiScopeSchema = Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('admin')]);

export const ApiKeySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  scope: ApiScopeSchema,
  /** The first characters of the key, so people can tell their keys apart; never the whole key. */
  prefix: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
}, { $id: 'ApiKey' });

export const CreatedApiKeySchema = Type.Object({
  ...ApiKeySchema.properties,
  key: Type.String({ description: 'The secret key: shown only in this response' }),
});

export const CreateApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  scope: ApiScopeSchema,
});
export type CreateApiKeyInput = Static<typeof CreateApiKeyBody>;
