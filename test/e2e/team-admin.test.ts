// Journey: the team's admin lists — members, API keys, companies, people and webhooks (loading,
// empty and no-match states, create, change, remove), all on the shared admin collection table.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useE2e } from './harness.ts';

const OWNER = { name: 'Lisa Lists', email: 'lisa@example.com', password: 'a-long-owner-password' };

describe('journey: the team manages members, keys, companies and people', () => {
  const e2e = useE2e({ name: 'lists' });

  test('members, api keys, companies, people, webhooks', async () => {
    const page = await e2e.newPage();
    await e2e.setUpOwner(page, OWNER);
    const toast = (text: string | RegExp) => page.getByText(text).first().waitFor();

    // Members
    await page.goto('/admin/members');
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    assert.match(await page.title(), /^Members · Admin/);
    await page.getByRole('columnheader', { name: 'Member' }).waitFor();
    await page.getByRole('columnheader', { name: 'Actions' }).waitFor();
    await page.getByRole('row').filter({ hasText: OWNER.name }).getByText('You').waitFor();
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByLabel('Name').fill('Mo Member');
    await page.getByLabel('Email').fill('mo@example.com');
    await page.getByLabel('Initial password').fill('another-long-password');
    await page.getByRole('dialog').getByRole('button', { name: 'Add member' }).click();
    await toast('Mo Member was added');
    await page.getByRole('cell', { name: 'Mo Member mo@example.com' }).waitFor();
    await page.getByLabel('Role of Mo Member').selectOption('admin');
    await toast('Mo Member is now an admin');
    await page.getByRole('button', { name: 'Remove Mo Member' }).click();
    await page.getByRole('heading', { name: 'Remove Mo Member?' }).waitFor();
    await page.getByRole('button', { name: 'Remove member' }).click();
    await toast('Mo Member was removed from the team');
    assert.equal(await page.getByRole('cell', { name: 'Mo Member mo@example.com' }).count(), 0);
    await screenshot(page, 'lists-members');

    // API keys
    await page.goto('/admin/api-keys');
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('No API keys').waitFor();
    for (const name of ['First key', 'Second key']) {
      await page.getByRole('button', { name: 'New API key' }).click();
      await page.getByLabel('Name').fill(name);
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByTestId('created-api-key').waitFor();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('cell', { name, exact: true }).waitFor();
    }
    const rows = await page.locator('tbody tr td.table__primary').allTextContents();
    assert.deepEqual(rows, ['Second key', 'First key'], 'a new key goes first, as the server orders them');
    assert.equal(await page.getByRole('dialog').count() , 0);
    await screenshot(page, 'lists-api-keys');
    await page.getByRole('button', { name: 'Revoke Second key' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await toast('Key “Second key” revoked');
    await page.getByRole('button', { name: 'Revoke First key' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('No API keys').waitFor();

    // Companies
    await page.goto('/admin/companies');
    await page.getByText('No companies yet').waitFor();
    await page.getByRole('button', { name: 'New company' }).click();
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByLabel('Domain').fill('acme.example');
    await page.getByRole('button', { name: 'Create company' }).click();
    await toast('Acme Corp saved');
    await page.getByRole('cell', { name: 'Acme Corp acme.example' }).waitFor();
    // Cancel discards what was typed: reopening shows the stored name
    await page.getByRole('button', { name: 'Edit Acme Corp' }).click();
    await page.getByLabel('Name').fill('Typed then cancelled');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit Acme Corp' }).click();
    assert.equal(await page.getByLabel('Name').inputValue(), 'Acme Corp');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Search companies').fill('zzz');
    await page.getByText('No companies match').waitFor();
    await screenshot(page, 'lists-companies-no-match');
    await page.getByLabel('Search companies').fill('');
    await page.getByRole('cell', { name: 'Acme Corp acme.example' }).waitFor();

    // People
    await page.goto('/admin/people');
    await page.getByText('No people yet').waitFor();
    assert.equal(await page.getByRole('columnheader', { name: 'Actions' }).count(), 0);
    const key = await e2e.apiKey(page);
    assert.ok(key);
    const board = await e2e.api<{ id: string }>('POST', '/api/v1/boards', { name: 'Ideas', visibility: 'public' });
    const post = await e2e.api<{ id: string }>('POST', '/api/v1/posts', { boardId: board.id, title: 'Dark mode' });
    for (let i = 0; i < 55; i++) await e2e.api('POST', `/api/v1/posts/${post.id}/votes`, { voter: { email: `p${i}@mail.example`, name: `Person ${i}` } });
    await page.reload();
    await page.getByRole('columnheader', { name: 'First seen' }).waitFor();
    const before = await page.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    for (const deadline = Date.now() + 10_000; (await page.locator('tbody tr').count()) === before; ) {
      assert.ok(Date.now() < deadline, 'load more added rows');
      await page.waitForTimeout(100);
    }
    await page.getByLabel('Company of Person 3', { exact: true }).selectOption({ label: 'Acme Corp' });
    await toast('Person 3 now belongs to Acme Corp');
    await page.getByLabel('Search people').fill('nobody-here');
    await page.getByText('Nobody matches').waitFor();
    await screenshot(page, 'lists-people');

    // Webhooks: the empty state
    await page.goto('/admin/webhooks');
    await page.getByText('No webhook endpoints').waitFor();
    await page.getByRole('button', { name: 'New endpoint' }).click();
    await page.getByRole('heading', { name: 'New webhook endpoint' }).waitFor();
  });
});
