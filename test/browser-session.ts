// A browser over app.inject: a cookie jar plus the CSRF header the web app sends on state changes
// (GET /api/v1/me hands out the token and sets the bb_csrf cookie it is checked against).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../src/app.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type BrowserRequest = {
  method?: Method;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** leave the x-csrf-token header off, as a cross-site forgery would */
  withoutCsrf?: boolean;
};

export type BrowserSession = {
  request(req: BrowserRequest): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** GET /api/v1/me: refreshes the CSRF token and returns who the browser is. */
  me(): Promise<{
    workspace: { id: string; name: string; slug: string; allowAnonymous: boolean };
    member: { id: string; role: string } | null;
    person: { id: string; email: string; name: string | null } | null;
    needsSetup: boolean;
    csrfToken: string;
  }>;
  /** POST /api/v1/auth/login (fetching the CSRF token first, as the web app does). */
  logIn(email: string, password: string): Promise<LightMyRequestResponse>;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string): void;
};

export function createBrowserSession(app: App, opts: { remoteAddress?: string } = {}): BrowserSession {
  const jar = new Map<string, string>();
  let csrfToken: string | null = null;

  function store(res: LightMyRequestResponse): void {
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const expired = (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
  }

  async function request(req: BrowserRequest): Promise<LightMyRequestResponse> {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = { ...req.headers };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    if (method !== 'GET' && csrfToken && !req.withoutCsrf) headers['x-csrf-token'] = csrfToken;
    const options: InjectOptions = { method, url: req.url, headers, remoteAddress: opts.remoteAddress ?? '127.0.0.1' };
    if (req.payload !== undefined) options.payload = req.payload as InjectOptions['payload'];
    const res = await app.inject(options);
    store(res);
    return res;
  }

  const session: BrowserSession = {
    request,
    get: (url) => request({ url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload ?? {} }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload }),
    delete: (url) => request({ method: 'DELETE', url }),
    async me() {
      const res = await request({ url: '/api/v1/me' });
      if (res.statusCode !== 200) throw new Error(`GET /api/v1/me answered ${res.statusCode}: ${res.body}`);
      const me = res.json();
      csrfToken = me.csrfToken;
      return me;
    },
    async logIn(email, password) {
      await session.me();
      return request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    },
    cookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
  };
  return session;
}
