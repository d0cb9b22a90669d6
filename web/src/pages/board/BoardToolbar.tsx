import type { PostSort, Status, Tag } from '../../api/types.ts';
import { cx } from '../../lib/class-names.ts';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { Select } from '../../ui/Select.tsx';
import type { BoardFilters } from './use-board-filters.ts';

type BoardToolbarProps = {
  filters: BoardFilters;
  statuses: Status[];
  tags: Tag[];
  onChange: (patch: Partial<BoardFilters>) => void;
};

const sortLabels: Record<PostSort, string> = { top: 'Top', new: 'New', trending: 'Trending' };

export function BoardToolbar({ filters, statuses, tags, onChange }: BoardToolbarProps) {
  return (
    <div className="board-toolbar">
      <div className="segmented" role="group" aria-label="Sort posts">
        {(Object.keys(sortLabels) as PostSort[]).map((sort) => (
          <button
            key={sort}
            type="button"
            className={cx('segmented__option', filters.sort === sort && 'segmented__option--active')}
            aria-pressed={filters.sort === sort}
            data-testid={`sort-${sort}`}
            onClick={() => onChange({ sort })}
          >
            {sortLabels[sort]}
          </button>
        ))}
      </div>
      <div className="board-toolbar__filters">
        <label className="visually-hidden" htmlFor="board-status-filter">
          Filter by status
        </label>
        <Select
          id="board-status-filter"
          className="board-toolbar__select"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value })}
        >
          <option value="">All statuses</option>
          {statuses.map((status) => (
            <option key={status.id} value={status.slug}>
              {status.name}
            </option>
          ))}
        </Select>
        {tags.length > 0 ? (
          <>
            <label className="visually-hidden" htmlFor="board-tag-filter">
              Filter by tag
            </label>
            <Select
              id="board-tag-filter"
              className="board-toolbar__select"
              value={filters.tag}
              onChange={(event) => onChange({ tag: event.target.value })}
            >
              <option value="">All tags</option>
              {tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </Select>
          </>
        ) : null}
        <SearchInput
          label="Search posts"
          value={filters.q}
          onSearch={(q) => onChange({ q })}
          testId="post-search-input"
        />
      </div>
    </div>
  );
}
