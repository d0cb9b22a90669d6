// Public surface of duplicate detection (issue 3 §1) for other modules, the task list, the server
// and the CLI. Nothing exported here imports the posts module: posts enqueue the duplicate check of
// a new post through this file. The HTTP use-cases are reached through similar.routes.ts.
export { enqueueDuplicateCheck, enqueueCalibration, CHECK_POST_TASK, CALIBRATE_TASK } from './similar-jobs.ts';
export { createSimilarIndexes, type SimilarIndexes } from './similar-indexes.ts';
export { similarTasks, learnFromMergeEvent } from './similar-tasks.ts';
export { requestRebuild } from './similar-index.repo.ts';
export { checkAllPosts } from './check-new-post.ts';
