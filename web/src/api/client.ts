// The one place the web app talks HTTP. JSON in and out, same-origin cookies, the CSRF header on
// state-changing requests, and every failure turned into an ApiError the forms can show inline.

export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, code: string, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;
type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal };

let csrfToken: string | null = null;

// The session provider hands us the token from GET /api/v1/me; it changes whenever the session rotates.
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// Validation libraries report JSON pointers ("/author/email"); the contract promises dotted paths.
function normalizeField(field: unknown): string {
  return String(field ?? '').replace(/^\//, '').replaceAll('/', '.');
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (proxy error page, empty body): fall back to the status text below.
  }
  if (payload && typeof payload === 'object') {
    const body = payload as { code?: unknown; message?: unknown; errors?: unknown };
    const errors = Array.isArray(body.errors)
      ? body.errors.map((error: { field?: unknown; message?: unknown }) => ({
          field: normalizeField(error.field),
          message: humanizeValidation(String(error.message ?? 'Invalid value')),
        }))
      : [];
    return new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : `http_${response.status}`,
      typeof body.message === 'string' ? body.message : describeStatus(response.status),
      errors,
    );
  }
  return new ApiError(response.status, `http_${response.status}`, describeStatus(response.status));
}

// Schema validation speaks JSON Schema ("must NOT have fewer than 3 characters"); under a form
// field that should read like a person wrote it.
const validationPhrases: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^must NOT have fewer than 1 characters?$/, () => 'This field is required.'],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `Use at least ${m[1]} characters.`],
  [/^must NOT have more than (\d+) characters$/, (m) => `Use at most ${m[1]} characters.`],
  [/^must match format "email"$/, () => 'Enter a valid email address.'],
  [/^must match format "uuid"$/, () => 'Choose a valid option.'],
  [/^must match pattern /, () => 'This value has an invalid format.'],
  [/^must have required property /, () => 'This field is required.'],
  [/^must be >= (\S+)$/, (m) => `Must be at least ${m[1]}.`],
  [/^must be <= (\S+)$/, (m) => `Must be at most ${m[1]}.`],
  [/^must be equal to one of the allowed values$/, () => 'Choose one of the options.'],
];

export function humanizeValidation(message: string): string {
  for (const [pattern, phrase] of validationPhrases) {
    const match = message.match(pattern);
    if (match) return phrase(match);
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function describeStatus(status: number): string {
  if (status === 401) return 'Please sign in to continue.';
  if (status === 403) return 'You are not allowed to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return 'The request failed.';
}

async function send(method: Method, url: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }
}

async function refreshCsrfToken(): Promise<void> {
  const response = await send('GET', '/api/v1/me', {});
  if (!response.ok) return;
  const me = (await response.json()) as { csrfToken?: string };
  if (me.csrfToken) csrfToken = me.csrfToken;
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  let response = await send(method, url, options);
  // A session that rotated in another tab invalidates our token: fetch a fresh one and retry once.
  if (response.status === 403 && method !== 'GET') {
    const error = await toApiError(response.clone());
    if (/csrf/i.test(error.code)) {
      await refreshCsrfToken();
      response = await send(method, url, options);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => apiRequest<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T = void>(path: string, query?: Query) => apiRequest<T>('DELETE', path, { query }),
};

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
