import { AppError, invalid } from '../../lib/errors.ts';

export const invalidToken = () =>
  new AppError('unauthenticated', 'invalid_token', 'This link is not valid (it may have been cut or changed). Use the newest link from one of our emails, or sign in.');
export const signInToFollow = () => new AppError('unauthenticated', 'sign_in_required', 'Sign in, or use the link in one of our emails, to manage notifications');
export const noInbox = () => new AppError('forbidden', 'no_inbox', 'API keys do not receive notifications; act as a signed-in person or member');
export const digestForTeamOnly = () => invalid('digest', 'is only available to team members', 'digest_team_only');
