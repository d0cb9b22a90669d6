import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testTargets } from '../../../test/db.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { contextFor } from '../../../test/factories/content.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { findOrCreatePerson } from './find-or-create-person.ts';

for (const target of testTargets()) {
  describe(`findOrCreatePerson [${target.name}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(target);
    });
    after(() => t.close());

    test('one person per email, case-insensitive and trimmed; a missing name is filled, an existing one kept', async () => {
      const ctx = contextFor(t);
      const first = await findOrCreatePerson(ctx, { email: '  Jo@Example.COM ' });
      assert.equal(first.email, 'jo@example.com');
      assert.equal(first.name, null);
      const named = await findOrCreatePerson(ctx, { email: 'jo@example.com', name: ' Jo ' });
      assert.equal(named.id, first.id);
      assert.equal(named.name, 'Jo');
      const renamed = await findOrCreatePerson(ctx, { email: 'JO@example.com', name: 'Somebody Else' });
      assert.equal(renamed.id, first.id);
      assert.equal(renamed.name, 'Jo', 'an existing name is never overwritten');
    });

    test('parallel calls for a new email agree on one row', async () => {
      const ctx = contextFor(t);
      const people = await Promise.all(Array.from({ length: 25 }, (_, i) => findOrCreatePerson(ctx, { email: i % 2 ? 'race@example.com' : 'RACE@example.com', name: `Racer ${i}` })));
      assert.equal(new Set(people.map((p) => p.id)).size, 1);
      const rows = await t.db.selectFrom('people').select('name').where('email', '=', 'race@example.com').execute();
      assert.equal(rows.length, 1);
      assert.match(rows[0].name ?? '', /^Racer \d+$/);
    });

    test('an external id already held by someone else does not block the email', async () => {
      const ctx = contextFor(t);
      const holder = await findOrCreatePerson(ctx, { email: 'holder@example.com', externalId: 'crm-1' });
      assert.equal(holder.external_id, 'crm-1');
      const other = await findOrCreatePerson(ctx, { email: 'other@example.com', externalId: 'crm-1' });
      assert.notEqual(other.id, holder.id);
      assert.equal(other.external_id, null);
    });

    test('workspaces keep their own people', async () => {
      const other = await createWorkspace(t.db, { name: 'Other', slug: 'other-people' });
      const a = await findOrCreatePerson(contextFor(t), { email: 'shared@example.com' });
      const b = await findOrCreatePerson(contextFor(t, { kind: 'system', workspaceId: other.workspace.id }), { email: 'shared@example.com' });
      assert.notEqual(a.id, b.id);
      assert.equal(b.workspace_id, other.workspace.id);
    });
  });
}
