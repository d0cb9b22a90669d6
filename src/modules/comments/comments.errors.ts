import { AppError, invalid, notFound } from '../../lib/errors.ts';

export const commentNotFound = () => notFound('Comment', 'comment_not_found');
export const invalidParent = () => invalid('parentId', 'must be a top-level comment on this post', 'invalid_parent');
export const emptyBody = () => invalid('body', 'must not be empty');
export const internalForbidden = () =>
  new AppError('forbidden', 'internal_forbidden', 'Only the team can write internal comments', [{ field: 'internal', message: 'is only accepted from the team' }]);
