import { AppError, forbidden, notFound } from '../../lib/errors.ts';

export const memberNotFound = () => notFound('Member', 'member_not_found');
export const memberEmailTaken = () =>
  new AppError('conflict', 'member_email_taken', 'A team member with this email already exists', [{ field: 'email', message: 'is already used by a team member' }]);
export const ownerOnly = () => forbidden('Only an owner can make, change or remove owners', 'owner_only');
export const lastOwner = () =>
  new AppError('conflict', 'last_owner', 'The workspace must keep at least one owner; make someone else owner first', [{ field: 'role', message: 'the last owner must stay owner' }]);
