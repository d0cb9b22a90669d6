import { conflict, invalid } from '../../lib/errors.ts';

export const mergeIntoItself = () => invalid('into', 'must be another post: a post cannot be merged into itself', 'merge_into_self');
export const mergeTargetNotFound = () => invalid('into', 'does not match a post of this workspace', 'merge_target_not_found');
export const mergeTargetDeleted = () => conflict('merge_target_deleted', 'The post to merge into is deleted; restore it first', [{ field: 'into', message: 'is a deleted post' }]);
export const mergeCycle = (sourceTitle: string, targetTitle: string) =>
  conflict('merge_cycle', `“${targetTitle}” is merged into “${sourceTitle}”, so merging “${sourceTitle}” into it would make a cycle. Unmerge “${targetTitle}” first, or merge the other way round.`, [{ field: 'into', message: 'is already merged into this post' }]);
export const alreadyMerged = () => conflict('post_merged', 'This post is already merged into another post; unmerge it first');
export const notMerged = () => conflict('post_not_merged', 'This post is not merged into another post');
