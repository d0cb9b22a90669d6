import { AppError, forbidden, notFound } from '../../lib/errors.ts';

export const eventNotFound = () => notFound('Event', 'event_not_found');
export const signInForInbox = () => new AppError('unauthenticated', 'sign_in_required', 'Sign in to see your notifications');
export const noInbox = () => forbidden('API keys have no notifications; act as a signed-in person or member', 'no_inbox');
export const teamOnly = () => forbidden('Only the team can see who was notified');
export const adminOnly = () => forbidden('Only workspace admins can see and test the mail settings');
