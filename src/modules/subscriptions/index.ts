// Public surface of subscriptions and preferences. Only leaf pieces are exported here (nothing that
// imports posts/votes/comments), because those modules call `subscribe` inside their transactions.
export { subscribe, subscribePeopleFrom } from './subscribe.ts';
export { recipientKey, recipientColumns, recipientOfActor, type Recipient } from './recipient.ts';
export { decideFollowers, type FollowDecision } from './followers.ts';
export { listGroupSubscriptionRows } from './subscriptions.repo.ts';
export { loadPreferences, loadOnePreferences, DEFAULT_PREFERENCES, type Preferences } from './preferences.repo.ts';
export { CATEGORIES, CATEGORY_LABELS, categoryOfKind, type Category } from './categories.ts';
export { createTokenSigner, type TokenSigner, type TokenScope } from './unsubscribe-token.ts';
export { canHearAboutPrivateBoards } from './subscriptions.policy.ts';
