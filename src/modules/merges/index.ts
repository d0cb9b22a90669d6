export { mergePost } from './merge-post.ts';
export { unmergePost } from './unmerge-post.ts';
export { MergeBody, type MergeInput } from './merges.schemas.ts';
