import { conflict, invalid, notFound } from '../../lib/errors.ts';

export const entryNotFound = () => notFound('Changelog entry', 'changelog_entry_not_found');
export const alreadyPublished = () => conflict('changelog_already_published', 'This entry is already published');
export const notPublished = () => conflict('changelog_not_published', 'Only a published entry can be unpublished');
export const notScheduled = () => conflict('changelog_not_scheduled', 'Only a scheduled entry can be unscheduled');
export const unknownPosts = () => invalid('postIds', 'contains a post that does not exist in this workspace or is deleted', 'post_not_found');
export const notAShippedStatus = () =>
  invalid('moveLinkedPostsToStatus', 'must name a status of kind "shipped"', 'status_not_shipped');
export const scheduleInPast = () => invalid('at', 'must be in the future', 'schedule_in_past');
export const invalidChangelogCursor = () => invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');
