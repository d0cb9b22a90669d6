import { invalid } from '../../lib/errors.ts';

export const voterRequired = () => invalid('voter', 'is required: name the customer (by email) you vote for', 'voter_required');
export const emailRequired = () => invalid('email', 'is required: name the customer whose vote you remove', 'voter_required');
export const invalidVotesCursor = () => invalid('cursor', 'is not a valid cursor for this list', 'invalid_cursor');
