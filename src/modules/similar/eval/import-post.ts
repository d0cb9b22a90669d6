import type { Context } from '../../context.ts';
import { withTransaction, type DbOrTx } from '../../../db/database.ts';
import { createPost } from '../../posts/index.ts';

// Replaying history (the evaluation harness, tests of learning over time) needs posts created at a
// given time. They go through the product's own createPost — counters, events, the duplicate check
// job — and only the creation time is then set, in the same transaction.

export type ImportedPost = { boardId: string; title: string; body: string; createdAt?: Date };

export async function setPostCreatedAt(db: DbOrTx, postId: string, createdAt: Date): Promise<void> {
  await db.updateTable('posts').set({ created_at: createdAt }).where('id', '=', postId).execute();
}

/** createPost as the context's actor (the system for imports), then the historical creation time. */
export async function importPost(ctx: Context, input: ImportedPost): Promise<string> {
  return withTransaction(ctx.db, async (tx) => {
    const post = await createPost({ ...ctx, db: tx }, { boardId: input.boardId, title: input.title, body: input.body });
    if (input.createdAt) await setPostCreatedAt(tx, post.row.id, input.createdAt);
    return post.row.id;
  });
}
