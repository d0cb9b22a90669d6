import type { DbOrTx } from '../../db/database.ts';

function selectCommentRows(db: DbOrTx) {
  return db
    .selectFrom('comments')
    .leftJoin('people', 'people.id', 'comments.author_person_id')
    .leftJoin('members', 'members.id', 'comments.author_member_id')
    .select([
      'comments.id', 'comments.post_id', 'comments.parent_id', 'comments.body', 'comments.internal',
      'comments.author_person_id', 'comments.author_member_id', 'comments.deleted_at', 'comments.created_at',
      'people.name as person_name', 'members.name as member_name',
    ]);
}
export type CommentRow = Awaited<ReturnType<ReturnType<typeof selectCommentRows>['executeTakeFirstOrThrow']>>;

export type ThreadRow = CommentRow & { post_title: string };

/**
 * The comments of one post, or of a merge group's posts, oldest first, deleted ones included (the
 * use-case decides what a reader sees), each with the title of the post it was made on.
 */
export async function listCommentRows(db: DbOrTx, postIds: readonly string[], includeInternal: boolean): Promise<ThreadRow[]> {
  let query = selectCommentRows(db)
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select('posts.title as post_title')
    .where('comments.post_id', 'in', [...postIds]);
  if (!includeInternal) query = query.where('comments.internal', '=', false);
  return query.orderBy('comments.created_at').orderBy('comments.id').execute();
}

export async function findCommentRow(db: DbOrTx, workspaceId: string, commentId: string): Promise<CommentRow | undefined> {
  return selectCommentRows(db).where('comments.workspace_id', '=', workspaceId).where('comments.id', '=', commentId).executeTakeFirst();
}

/** Marks the comment deleted; returns it only if this call deleted it (so counters move once). */
export async function softDeleteComment(db: DbOrTx, commentId: string, now: Date) {
  return db
    .updateTable('comments')
    .set({ deleted_at: now })
    .where('id', '=', commentId)
    .where('deleted_at', 'is', null)
    .returning(['id', 'internal', 'post_id'])
    .executeTakeFirst();
}
