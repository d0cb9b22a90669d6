import { AppError, conflict, invalid, notFound } from '../../lib/errors.ts';

export const postNotFound = () => notFound('Post', 'post_not_found');
export const postDeleted = () => conflict('post_deleted', 'This post has been deleted; restore it first');
export const signInRequired = (message = 'Sign in to continue') => new AppError('unauthenticated', 'sign_in_required', message);
export const onBehalfForbidden = (field: string) =>
  new AppError('forbidden', 'on_behalf_forbidden', 'Only the team can act on behalf of someone else', [{ field, message: 'is only accepted from the team' }]);
export const unknownBoard = () => invalid('boardId', 'does not match a board you can post to', 'board_not_found');
export const unknownStatus = (field = 'status') => invalid(field, 'does not match a status of this workspace', 'status_not_found');
export const unknownTags = () => invalid('tags', 'contains a tag that does not exist in this workspace', 'tag_not_found');
export const demandSortTeamOnly = () => invalid('sort', 'demand is only available to the team', 'sort_not_allowed');
export const invalidCursor = () => invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');
export const postMerged = (message = 'This post was merged into another post; act on that post instead') => conflict('post_merged', message);
