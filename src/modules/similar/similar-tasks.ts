import type { Db } from '../../db/database.ts';
import { calibrateWorkspace } from './calibrate-workspace.ts';
import { checkNewPost } from './check-new-post.ts';
import { CALIBRATE_TASK, CHECK_POST_TASK, enqueueCalibration, readIds } from './similar-jobs.ts';
import type { SimilarIndexes } from './similar-indexes.ts';

type TaskHandler = (payload: unknown) => Promise<void>;

/** The job handlers of duplicate detection, for the task list (src/task-list.ts). */
export function similarTasks(db: Db, indexes: SimilarIndexes): Record<string, TaskHandler> {
  return {
    [CHECK_POST_TASK]: async (payload) => {
      await checkNewPost(db, indexes, readIds(payload, ['workspaceId', 'postId'], CHECK_POST_TASK));
    },
    [CALIBRATE_TASK]: async (payload) => {
      await calibrateWorkspace(db, indexes, readIds(payload, ['workspaceId'], CALIBRATE_TASK).workspaceId);
    },
  };
}

/** Event consumer: a merge is a decision, so the workspace's ranking is re-learned (debounced). */
export async function learnFromMergeEvent(db: Db, event: { type: string; workspace_id: string }): Promise<void> {
  if (event.type === 'post.merged') await enqueueCalibration(db, event.workspace_id);
}
