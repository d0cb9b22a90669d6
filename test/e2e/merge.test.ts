// Issue 3 §2 in a real browser against a real server process: the admin merges a duplicate into
// another post from the post drawer, the target shows the combined voters and the merged post, the
// portal sends readers of the duplicate to the target, and an unmerge brings the counts back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runCli, startServerProcess, type ServerProcess } from '../process.ts';
import { launchBrowser, screenshot } from './browser.ts';

const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: 'a-long-owner-password' };
const TARGET = 'Dark mode for the dashboard';
const SOURCE = 'Night theme please';

describe('browser journey: merge a duplicate and unmerge it', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let key: string;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${url}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bb-e2e-merge-'));
    await chmod(dataDir, 0o755);
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  test('merge from the drawer combines the voters; unmerge restores the counts', async () => {
    // the owner signs in through the one-time setup link (first: a CLI start would issue a new link)
    const token = /\/setup\/([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
    assert.ok(token, 'the server printed a setup link');
    const admin = await newPage();
    await admin.goto(`/setup/${token}`);
    await admin.getByTestId('setup-name').fill(OWNER.name);
    await admin.getByTestId('setup-email').fill(OWNER.email);
    await admin.getByTestId('setup-password').fill(OWNER.password);
    await admin.getByTestId('setup-submit').click();
    await admin.waitForURL(/\/admin/);

    // seed through the API with a key from the CLI: two posts with one voter in common
    const created = await runCli(['api-key', 'create', '--name', 'e2e', '--scope', 'admin'], { DATA_DIR: dataDir });
    assert.equal(created.code, 0, created.stderr);
    key = created.stdout.trim();
    const board = await api<{ id: string }>('POST', '/api/v1/boards', { name: 'Feature Requests', visibility: 'public' });
    const target = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: TARGET, author: { email: 'ana@example.com', name: 'Ana' } });
    const source = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: SOURCE, author: { email: 'ben@example.com', name: 'Ben' } });
    for (const email of ['cleo@example.com', 'both@example.com']) await api('POST', `/api/v1/posts/${target.id}/votes`, { voter: { email } });
    for (const email of ['dan@example.com', 'both@example.com']) await api('POST', `/api/v1/posts/${source.id}/votes`, { voter: { email } });

    // merge the duplicate into the target from its drawer
    await admin.goto(`/admin/posts/${source.id}`);
    const drawer = admin.getByTestId('admin-post-drawer');
    await drawer.getByText('3 votes').first().waitFor();
    await drawer.getByTestId('merge-button').click();
    await admin.getByTestId('merge-search-input').fill('dark mode');
    const option = admin.getByTestId('merge-target-option').filter({ hasText: TARGET });
    await option.click();
    assert.equal(await admin.getByTestId('merge-target-option').filter({ hasText: SOURCE }).count(), 0, 'a post is no target for itself');
    await screenshot(admin, 'merge-01-choose-target');
    await admin.getByTestId('merge-confirm-button').click();
    await admin.waitForURL(new RegExp(`/admin/posts/${target.id}`));
    await drawer.getByText('5 votes').first().waitFor();
    const merged = drawer.getByTestId('merged-posts-list');
    await merged.getByText(SOURCE).waitFor();
    assert.match((await merged.textContent()) ?? '', /3 votes/, 'the merged post shows what it brought');
    await drawer.getByTestId('voters-list').getByText(`via “${SOURCE}”`).first().waitFor();
    await screenshot(admin, 'merge-02-target-combined');

    const afterMerge = await api<{ voteCount: number; mergedPosts: Array<{ id: string }> }>('GET', `/api/v1/posts/${target.id}`);
    assert.equal(afterMerge.voteCount, 5, 'ana, cleo, both (once), ben, dan');
    assert.deepEqual(afterMerge.mergedPosts.map((p) => p.id), [source.id]);

    // a reader of the duplicate's old link lands on the target
    const reader = await newPage();
    await reader.goto(`/p/${source.id}`);
    await reader.waitForURL(new RegExp(`/p/${target.id}`));
    await reader.getByTestId('merged-from-notice').waitFor();
    assert.equal((await reader.getByTestId('post-title').textContent())?.trim(), TARGET);
    assert.equal(await reader.getByTestId('vote-count').first().textContent(), '5');
    await screenshot(reader, 'merge-03-portal-redirect');

    // unmerge from the merged post's drawer
    await merged.getByRole('link', { name: SOURCE }).click();
    await admin.waitForURL(new RegExp(`/admin/posts/${source.id}`));
    await drawer.getByTestId('unmerge-button').waitFor();
    assert.equal(await drawer.getByTestId('status-select').count(), 0, 'a merged post is read-only');
    await screenshot(admin, 'merge-04-merged-stub');
    await drawer.getByTestId('unmerge-button').click();
    await admin.getByRole('dialog', { name: 'Unmerge this post?' }).getByRole('button', { name: 'Unmerge' }).click();
    await drawer.getByTestId('merge-button').waitFor();
    await drawer.getByText('3 votes').first().waitFor();
    await screenshot(admin, 'merge-05-unmerged');

    const targetAfter = await api<{ voteCount: number; mergedPosts: unknown[] }>('GET', `/api/v1/posts/${target.id}`);
    const sourceAfter = await api<{ voteCount: number; mergedInto: unknown }>('GET', `/api/v1/posts/${source.id}`);
    assert.deepEqual([targetAfter.voteCount, targetAfter.mergedPosts.length], [3, 0]);
    assert.deepEqual([sourceAfter.voteCount, sourceAfter.mergedInto], [3, null]);
    await reader.goto(`/p/${source.id}`);
    assert.equal((await reader.getByTestId('post-title').textContent())?.trim(), SOURCE, 'the old link shows the post itself again');
  });
});
