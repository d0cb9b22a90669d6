import type { Tag } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';

export function TagList({ tags }: { tags: Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id}>
          <Badge color={tag.color || null}>#{tag.name}</Badge>
        </li>
      ))}
    </ul>
  );
}
