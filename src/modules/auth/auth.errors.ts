import { AppError, forbidden, notFound } from '../../lib/errors.ts';

// One message for unknown email and wrong password: sign-in must not reveal who has an account.
export const invalidCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', 'Email or password is incorrect');
export const setupTokenInvalid = () => notFound('Setup link', 'setup_token_invalid');
export const alreadySetUp = () =>
  new AppError('conflict', 'already_set_up', 'This workspace already has an owner; sign in instead');
export const memberEmailTaken = () =>
  new AppError('conflict', 'member_email_taken', 'A team member with this email already exists', [{ field: 'email', message: 'is already used by a team member' }]);
export const magicLinkInvalid = () =>
  new AppError('validation', 'magic_link_invalid', 'This sign-in link is not valid', [{ field: 'token', message: 'is not a valid sign-in link' }]);
export const magicLinkUsed = () =>
  new AppError('gone', 'magic_link_used', 'This sign-in link was already used; request a new one');
export const magicLinkExpired = () =>
  new AppError('gone', 'magic_link_expired', 'This sign-in link has expired; request a new one');
export const anonymousNotAllowed = () =>
  forbidden('This workspace requires signing in with an email link', 'anonymous_not_allowed');
