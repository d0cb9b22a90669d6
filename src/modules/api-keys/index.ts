export { createApiKey } from './create-api-key.ts';
export { listApiKeys } from './list-api-keys.ts';
export { revokeApiKey } from './revoke-api-key.ts';
export { presentApiKey, type ApiKeyJson } from './api-keys.present.ts';
export type { ApiKey } from './api-keys.repo.ts';
