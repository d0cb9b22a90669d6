import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import type { Actor } from '../auth/index.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { canViewBoard, findBoard } from '../boards/index.ts';
import { findDefaultStatus } from '../statuses/index.ts';
import { findTagIds } from '../tags/index.ts';
import { canTriagePosts } from './posts.policy.ts';
import { adjustBoardPostCount, initialHotScore, insertAuthorVote, replacePostTags } from './posts.repo.ts';
import { unknownBoard, unknownTags } from './posts.errors.ts';
import { resolveParticipant } from './resolve-participant.ts';
import { recordEvent } from '../events/index.ts';
import { enqueueDemandRefresh } from '../demand/index.ts';
import { subscribe } from '../subscriptions/index.ts';
import { enqueueDuplicateCheck } from '../similar/index.ts';
import { getPost } from './get-post.ts';
import type { PostDetail } from './posts.present.ts';
import type { CreatePostInput } from './posts.schemas.ts';

/** Where a post came from when the caller does not say: the portal, the API, or the admin UI. */
export function defaultSource(actor: Actor): string {
  if (actor.kind === 'member') return 'admin';
  if (actor.kind === 'api_key' || actor.kind === 'system') return 'api';
  return 'portal';
}

/**
 * Creates a post in the workspace's default status, with the author's vote (vote_count 1) and the
 * board's post_count, all in one transaction. The team may post for a customer (`author`), tag the
 * post and name its source channel; end users post as themselves.
 */
export async function createPost(ctx: Context, input: CreatePostInput): Promise<PostDetail> {
  const { actor } = ctx;
  const workspaceId = actor.workspaceId;
  const title = input.title.trim();
  if (title.length < 3) throw invalid('title', 'must be at least 3 characters (not counting spaces)');
  const body = input.body?.trim() ? input.body : '';
  const tagIds = [...new Set(input.tags ?? [])];
  if (tagIds.length && !canTriagePosts(actor)) teamOnly('tags');
  if (input.source && !canTriagePosts(actor)) teamOnly('source');

  const postId = await withTransaction(ctx.db, async (tx) => {
    const participant = await resolveParticipant({ ...ctx, db: tx }, input.author, 'author');
    const board = await findBoard(tx, workspaceId, input.boardId);
    if (!board || !canViewBoard(actor, board)) throw unknownBoard();
    if ((await findTagIds(tx, workspaceId, tagIds)).length !== tagIds.length) throw unknownTags();
    const status = await findDefaultStatus(tx, workspaceId);
    if (!status) throw new Error(`workspace ${workspaceId} has no default status`);
    const post = await tx
      .insertInto('posts')
      .values({
        workspace_id: workspaceId,
        board_id: board.id,
        title,
        body,
        author_person_id: participant.personId,
        author_member_id: participant.memberId,
        status_id: status.id,
        source: input.source?.toLowerCase() ?? defaultSource(actor),
        hot_score: initialHotScore(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replacePostTags(tx, post.id, tagIds);
    if (participant.personId) {
      await insertAuthorVote(tx, { workspaceId, postId: post.id, personId: participant.personId, memberId: participant.memberId });
      await enqueueDemandRefresh(tx, { scope: 'posts', workspaceId, postIds: [post.id] });
    }
    await adjustBoardPostCount(tx, board.id, 1);
    await enqueueDuplicateCheck(tx, { workspaceId, postId: post.id });
    await subscribe(tx, { workspaceId, postId: post.id, personId: participant.personId, memberId: participant.memberId, reason: 'author' });
    await recordEvent(tx, {
      actor, type: 'post.created', postId: post.id,
      data: { post: { id: post.id, boardId: board.id, title, body, statusId: status.id, authorPersonId: participant.personId, tagIds } },
    });
    return post.id;
  });
  return getPost(ctx, postId);
}

function teamOnly(field: string): never {
  throw new AppError('forbidden', 'team_only', `Only the team can set ${field}`, [{ field, message: 'is only accepted from the team' }]);
}
