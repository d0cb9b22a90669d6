import { conflict, notFound } from '../../lib/errors.ts';

export const tagNotFound = () => notFound('Tag', 'tag_not_found');
export const tagNameTaken = (name: string) =>
  conflict('tag_name_taken', `A tag named "${name}" already exists`, [{ field: 'name', message: 'is already used by another tag' }]);
