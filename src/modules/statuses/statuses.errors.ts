import { AppError, conflict, notFound } from '../../lib/errors.ts';

export const statusNotFound = () => notFound('Status', 'status_not_found');
export const statusSlugTaken = (slug: string) =>
  conflict('status_slug_taken', `A status with the slug "${slug}" already exists`, [{ field: 'slug', message: 'is already used by another status' }]);
export const statusInUse = (message: string) => conflict('status_in_use', message);
export const statusIsDefault = () =>
  conflict('status_is_default', 'The default status cannot be deleted; make another status the default first');
export const defaultRequired = () =>
  new AppError('validation', 'default_status_required', 'There must be one default status; make another status the default instead', [
    { field: 'isDefault', message: 'make another status the default instead' },
  ]);
