import { invalid, notFound } from '../../lib/errors.ts';

// Error codes of the similar-posts search and the duplicate queue.
export const unknownBoard = () => invalid('boardId', 'does not match a board you can see', 'unknown_board');
export const duplicateNotFound = () => notFound('Duplicate candidate', 'duplicate_not_found');
