export { listTags } from './list-tags.ts';
export { createTag } from './create-tag.ts';
export { updateTag } from './update-tag.ts';
export { deleteTag } from './delete-tag.ts';
export { findTagIds } from './tags.repo.ts';
export { tagNotFound } from './tags.errors.ts';
export { presentTag, type TagJson } from './tags.present.ts';
export { TagSchema } from './tags.schemas.ts';
