import type { ApiKey } from './api-keys.repo.ts';

export type ApiKeyJson = {
  id: string;
  name: string;
  scope: ApiKey['scope'];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
};

export function presentApiKey(key: ApiKey): ApiKeyJson {
  return {
    id: key.id,
    name: key.name,
    scope: key.scope,
    prefix: key.prefix,
    createdAt: key.created_at.toISOString(),
    lastUsedAt: key.last_used_at ? key.last_used_at.toISOString() : null,
  };
}
