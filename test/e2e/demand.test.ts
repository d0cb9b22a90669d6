// The demand score in a real browser against a real server process (its in-process worker keeps the
// materialised demand current): data seeded through the API, then the admin reads "why this rank" in
// the post drawer and filters the Top demand view by customer segment; the portal shows the sparkline.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, useE2e } from './harness.ts';

const OWNER = { name: 'Dana Demand', email: 'dana@example.com', password: 'a-long-owner-password' };

describe('browser journey: demand score', () => {
  const e2e = useE2e({ name: 'demand' });
  const { api } = e2e;

  async function seed(): Promise<{ audit: string; dark: string }> {
    const board = await api<{ id: string }>('POST', '/api/v1/boards', { name: 'Ideas', visibility: 'public' });
    const acme = await api<{ id: string }>('POST', '/api/v1/companies', { name: 'Acme Corp', monthlyRevenue: 20000, segment: 'Enterprise' });
    const tiny = await api<{ id: string }>('POST', '/api/v1/companies', { name: 'Tiny Shop', monthlyRevenue: 50, segment: 'SMB' });
    const audit = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: 'Audit log export' });
    const dark = await api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: 'Dark mode' });
    const vote = (postId: string, email: string, importance: number) =>
      api('POST', `/api/v1/posts/${postId}/votes`, { voter: { email, name: email.split('@')[0] }, importance });
    await vote(audit.id, 'cio@acme.example', 3);
    await vote(audit.id, 'ops@acme.example', 2);
    for (const name of ['ann', 'bob', 'cat', 'dan']) await vote(dark.id, `${name}@mail.example`, 1);
    await vote(dark.id, 'owner@tiny.example', 1);
    for (const [email, companyId] of [['cio@acme.example', acme.id], ['ops@acme.example', acme.id], ['owner@tiny.example', tiny.id]]) {
      const people = await api<{ items: Array<{ id: string }> }>('GET', `/api/v1/people?q=${encodeURIComponent(email)}`);
      await api('PATCH', `/api/v1/people/${people.items[0].id}`, { companyId });
    }
    return { audit: audit.id, dark: dark.id };
  }

  /** The list shows exactly `count` rows (the first one `firstId`) once the filtered page has loaded. */
  async function waitForRows(page: Page, count: number, firstId?: string): Promise<void> {
    const rows = page.getByTestId('top-demand-row');
    for (const deadline = Date.now() + 10_000; ; await page.waitForTimeout(100)) {
      const loading = await page.locator('table[data-loading]').count();
      const n = await rows.count();
      if (!loading && n === count && (!firstId || (await rows.first().getAttribute('data-post-id')) === firstId)) return;
      assert.ok(Date.now() < deadline, `expected ${count} top-demand rows${firstId ? ` starting with ${firstId}` : ''}, saw ${n}`);
    }
  }

  /** The worker refreshes demand in the background; wait until both posts carry their company data. */
  async function waitForDemand(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const top = await api<{ items: Array<{ components: { uniqueCompanies: number } }> }>('GET', '/api/v1/demand/top');
      if (top.items.length === 2 && top.items.every((i) => i.components.uniqueCompanies === 1)) return;
      assert.ok(Date.now() < deadline, `demand was not refreshed in time: ${JSON.stringify(top.items)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  test('the admin sees why a post ranks where it does and filters top demand by segment', async () => {
    // the owner signs in through the setup link, then makes an admin API key for seeding
    const page = await e2e.newPage();
    await e2e.setUpOwner(page, OWNER);
    await e2e.apiKey(page);
    const { audit, dark } = await seed();
    await waitForDemand();

    // the drawer: score, "why this rank" bars that add up to it, the segment table and the sparkline
    await page.goto(`/admin/posts/${audit}`);
    const drawer = page.getByTestId('admin-post-drawer');
    const score = Number(await drawer.getByTestId('demand-score').getAttribute('data-score'));
    assert.ok(score > 0);
    const bars = drawer.getByTestId('demand-breakdown').locator('li');
    assert.equal(await bars.count(), 5);
    const contributions = (await bars.locator('.demand-bars__value').allTextContents()).map((text) => Number(text.replace(/[+,]/g, '')));
    assert.ok(Math.abs(contributions.reduce((a, b) => a + b, 0) - score) < 0.05, `${contributions} add up to ${score}`);
    await drawer.getByTestId('demand-segments').getByRole('cell', { name: 'Enterprise' }).waitFor();
    assert.equal(await drawer.getByTestId('sparkline').getAttribute('data-total'), '2');
    await screenshot(page, 'demand-01-drawer-breakdown');

    // Top demand: every post, then only the segment's
    await page.goto('/admin/posts');
    await page.getByRole('link', { name: 'Top demand' }).click();
    await page.waitForURL(/\/admin\/demand/);
    const rows = page.getByTestId('top-demand-row');
    await waitForRows(page, 2);
    await page.getByTestId('segment-filter').selectOption('Enterprise');
    await page.waitForURL(/segment=Enterprise/);
    await waitForRows(page, 1);
    assert.equal(await rows.first().getAttribute('data-post-id'), audit);
    await screenshot(page, 'demand-02-top-demand-enterprise');
    await page.getByTestId('segment-filter').selectOption('No company');
    await page.waitForURL(/segment=No(\+|%20)company/);
    await waitForRows(page, 1, dark);
    assert.equal(await rows.first().getAttribute('data-post-id'), dark);

    // the weights editor: without revenue, the five voters of "Dark mode" outrank the big customer
    await page.goto('/admin/demand');
    await waitForRows(page, 2, audit);
    await page.goto('/admin/settings');
    await page.getByTestId('demand-weight-monthlyRevenue').fill('0');
    await page.getByTestId('save-demand-weights').click();
    await page.getByText('Demand weights saved').waitFor();
    await screenshot(page, 'demand-04-weights');
    await page.goto('/admin/demand');
    for (const deadline = Date.now() + 20_000; ; await page.reload()) {
      await waitForRows(page, 2);
      if ((await rows.first().getAttribute('data-post-id')) === dark) break;
      assert.ok(Date.now() < deadline, 'the re-scoring job reordered the list');
      await page.waitForTimeout(300);
    }

    // the portal's post page shows the votes-over-time sparkline to everyone
    const portal = await e2e.newPage();
    await portal.goto(`/p/${dark}`);
    await portal.getByTestId('post-title').waitFor();
    assert.equal(await portal.getByTestId('sparkline').getAttribute('data-total'), '5');
    assert.equal(await portal.getByTestId('demand-score').count(), 0, 'no demand score for visitors');
    await screenshot(portal, 'demand-03-portal-sparkline');
  });
});
