import { notFound } from '../../lib/errors.ts';

export const apiKeyNotFound = () => notFound('API key', 'api_key_not_found');
