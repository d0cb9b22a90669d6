// The shared scaffolding of every browser journey: a fresh data directory, the real server process on
// it, one Chromium, pages in their own contexts, the owner's one-time setup and the two ways to seed
// through the HTTP API (an admin key from the CLI, or the signed-in page's session with its CSRF token).
// Call useE2e() inside a describe(): it registers that suite's before/after hooks.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli, startServerProcess, type ServerProcess } from '../process.ts';
import { launchBrowser } from './browser.ts';

export { screenshot } from './browser.ts';

export type Owner = { name: string; email: string; password: string };
export type Viewport = { width: number; height: number };

export const OWNER: Owner = { name: 'Olivia Owner', email: 'owner@example.com', password: 'a-long-owner-password' };
export const DESKTOP: Viewport = { width: 1280, height: 900 };

export type E2eOptions = {
  /** Names the temporary data directory (bb-e2e-<name>-…). */
  name: string;
  /**
   * Extra server environment. A function is called in before(), so it can use what the suite's own
   * earlier before() hooks started (node:test runs hooks in the order they were registered).
   */
  env?: Record<string, string> | (() => Record<string, string>);
};

export type E2e = {
  readonly server: ServerProcess;
  readonly dataDir: string;
  /** Messages of JavaScript dialogs (alert, confirm, prompt) any page opened; each was dismissed. */
  readonly dialogs: string[];
  /** A page in a fresh browser context (its own cookies), closed after the suite. */
  newPage(viewport?: Viewport): Promise<Page>;
  /** The token of the one-time setup link the server printed at start. */
  setupToken(): string;
  /** The owner follows the setup link in `page` and lands in the admin, signed in. */
  setUpOwner(page: Page, owner?: Owner): Promise<void>;
  /** The owner account made through POST /api/v1/auth/setup, without a browser. */
  setUpOwnerByApi(owner?: Owner): Promise<void>;
  /**
   * An admin API key, made once and reused: by `backboard api-key create` (after the owner's setup, since
   * a CLI start issues a new setup link), or, given a signed-in page, through its session.
   */
  apiKey(page?: Page): Promise<string>;
  /** Calls the HTTP API with the admin key; asserts a 2xx answer and returns its JSON body. */
  api<T = unknown>(method: string, url: string, body?: unknown): Promise<T>;
  /** Calls the HTTP API as the web app does: with the page's session cookie and CSRF token. */
  pageApi<T = unknown>(page: Page, method: string, url: string, body?: unknown): Promise<T>;
};

export function useE2e(opts: E2eOptions): E2e {
  let dataDir: string | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let key: Promise<string> | undefined;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), `bb-e2e-${opts.name}-`));
    // mkdtemp makes a 0700 dir; run as root, the embedded PostgreSQL runs as an unprivileged user that must enter it
    await chmod(dataDir, 0o755);
    const env = typeof opts.env === 'function' ? opts.env() : opts.env;
    server = await startServerProcess({ DATA_DIR: dataDir, ...env });
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const started = <T>(value: T | undefined, what: string): T => {
    assert.ok(value !== undefined, `${what} is not started yet: use it inside a test`);
    return value;
  };

  function parseOk<T>(what: string, ok: boolean, status: number, text: string): T {
    assert.ok(ok, `${what}: ${status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function createKey(page?: Page): Promise<string> {
    if (page) {
      const created = await e2e.pageApi<{ key: string }>(page, 'POST', '/api/v1/api-keys', { name: 'e2e', scope: 'admin' });
      return created.key;
    }
    const created = await runCli(['api-key', 'create', '--name', 'e2e', '--scope', 'admin'], { DATA_DIR: e2e.dataDir });
    assert.equal(created.code, 0, created.stderr);
    return created.stdout.trim();
  }

  const e2e: E2e = {
    get server() {
      return started(server, 'the server');
    },
    get dataDir() {
      return started(dataDir, 'the data directory');
    },
    dialogs,

    async newPage(viewport = DESKTOP) {
      const context = await started(browser, 'the browser').newContext({ baseURL: e2e.server.url, viewport });
      contexts.push(context);
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      return page;
    },

    setupToken() {
      const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(e2e.server.output())?.[1];
      assert.ok(token, 'the server printed a setup link');
      return token;
    },

    async setUpOwner(page, owner = OWNER) {
      await page.goto(`/setup/${e2e.setupToken()}`);
      await page.getByTestId('setup-name').fill(owner.name);
      await page.getByTestId('setup-email').fill(owner.email);
      await page.getByTestId('setup-password').fill(owner.password);
      await page.getByTestId('setup-submit').click();
      await page.waitForURL(/\/admin/);
    },

    async setUpOwnerByApi(owner = OWNER) {
      const res = await fetch(`${e2e.server.url}/api/v1/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: e2e.setupToken(), ...owner }),
      });
      assert.equal(res.status, 201, await res.text());
    },

    apiKey(page) {
      key ??= createKey(page);
      return key;
    },

    async api<T>(method: string, url: string, body?: unknown): Promise<T> {
      const res = await fetch(`${e2e.server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${await e2e.apiKey()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return parseOk<T>(`${method} ${url}`, res.ok, res.status, await res.text());
    },

    async pageApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
      const me = await page.request.get('/api/v1/me');
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const res = await page.request.fetch(url, { method, data: body, headers: { 'x-csrf-token': csrfToken } });
      return parseOk<T>(`${method} ${url}`, res.ok(), res.status(), await res.text());
    },
  };
  return e2e;
}
