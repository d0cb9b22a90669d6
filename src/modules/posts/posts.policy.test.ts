import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../auth/index.ts';
import { canParticipate, canViewPost, postPermissions, type PostAccess } from './posts.policy.ts';

const ws = 'ws-a';
const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous', workspaceId: ws },
  person: { kind: 'person', workspaceId: ws, personId: 'p1' },
  member: { kind: 'member', workspaceId: ws, memberId: 'm1', role: 'member' },
  readKey: { kind: 'api_key', workspaceId: ws, apiKeyId: 'k1', scope: 'read' },
  writeKey: { kind: 'api_key', workspaceId: ws, apiKeyId: 'k2', scope: 'write' },
  foreignAdmin: { kind: 'member', workspaceId: 'ws-b', memberId: 'm2', role: 'owner' },
};
const post = (over: Partial<PostAccess> = {}): PostAccess => ({ workspace_id: ws, board_visibility: 'public', deleted_at: null, ...over });

describe('posts policy', () => {
  test('visibility: public to all in the workspace, private and deleted to the team, nothing across workspaces', () => {
    const seen = (p: PostAccess) => Object.entries(actors).filter(([, a]) => canViewPost(a, p)).map(([name]) => name);
    assert.deepEqual(seen(post()), ['anonymous', 'person', 'member', 'readKey', 'writeKey']);
    assert.deepEqual(seen(post({ board_visibility: 'private' })), ['member', 'readKey', 'writeKey']);
    assert.deepEqual(seen(post({ deleted_at: new Date() })), ['member', 'readKey', 'writeKey']);
  });

  test('participation: anonymous only when allowed, read-only keys never', () => {
    assert.equal(canParticipate(actors.anonymous, false), false);
    assert.equal(canParticipate(actors.anonymous, true), true);
    assert.equal(canParticipate(actors.person, false), true);
    assert.equal(canParticipate(actors.readKey, true), false);
    assert.equal(canParticipate(actors.writeKey, false), true);
  });

  test('can flags per actor', () => {
    assert.deepEqual(postPermissions(actors.person, post(), false), { edit: false, delete: false, changeStatus: false, vote: true, comment: true, comment_internal: false, merge: false, unmerge: false });
    assert.deepEqual(postPermissions(actors.member, post(), false), { edit: true, delete: true, changeStatus: true, vote: true, comment: true, comment_internal: true, merge: true, unmerge: false });
    assert.deepEqual(postPermissions(actors.readKey, post(), true), { edit: false, delete: false, changeStatus: false, vote: false, comment: false, comment_internal: false, merge: false, unmerge: false });
    assert.deepEqual(postPermissions(actors.member, post({ deleted_at: new Date() }), true), { edit: true, delete: true, changeStatus: true, vote: false, comment: false, comment_internal: false, merge: false, unmerge: false });
    assert.deepEqual(postPermissions(actors.foreignAdmin, post(), true), { edit: false, delete: false, changeStatus: false, vote: false, comment: false, comment_internal: false, merge: false, unmerge: false });
  });

  test('a merged post is a read-only stub: votes still go through (to its target), nothing else', () => {
    const stub = post({ merged_into_id: 'target' });
    assert.deepEqual(postPermissions(actors.member, stub, false), { edit: false, delete: false, changeStatus: false, vote: true, comment: false, comment_internal: false, merge: false, unmerge: true });
    assert.deepEqual(postPermissions(actors.person, stub, false), { edit: false, delete: false, changeStatus: false, vote: true, comment: false, comment_internal: false, merge: false, unmerge: false });
    assert.equal(postPermissions(actors.readKey, stub, true).unmerge, false);
  });
});
