import type { Tag } from '../../db/schema.ts';

export type TagJson = { id: string; name: string; color: string };

export function presentTag(tag: Pick<Tag, 'id' | 'name' | 'color'>): TagJson {
  return { id: tag.id, name: tag.name, color: tag.color };
}
