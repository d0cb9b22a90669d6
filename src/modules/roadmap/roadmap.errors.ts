import { invalid } from '../../lib/errors.ts';

export const invalidRoadmapCursor = () => invalid('cursor', 'is not a valid cursor for the roadmap', 'invalid_cursor');
