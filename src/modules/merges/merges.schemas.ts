import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/schemas.ts';

export const MergeBody = Type.Object({
  /** The post to merge into; when it was itself merged, its final target is used (one hop). */
  into: Uuid,
});
export type MergeInput = Static<typeof MergeBody>;
