import { AppError, notFound } from '../../lib/errors.ts';

export const boardNotFound = () => notFound('Board', 'board_not_found');
export const boardSlugTaken = (slug: string) =>
  new AppError('conflict', 'board_slug_taken', `A board with the slug "${slug}" already exists`, [{ field: 'slug', message: 'is already used by another board' }]);
