import type { Board, Status, Tag, TeamPostSort } from '../../api/types.ts';
import { CheckboxField } from '../../ui/Field.tsx';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { Select } from '../../ui/Select.tsx';

export type AdminPostFilterValues = { board: string; status: string; tag: string; q: string; deleted: string; sort: string };

type AdminPostFiltersProps = {
  values: AdminPostFilterValues;
  boards: Board[];
  statuses: Status[];
  tags: Tag[];
  onChange: (patch: Partial<AdminPostFilterValues>) => void;
};

const sortLabels: Record<TeamPostSort, string> = { new: 'Newest', top: 'Most votes', trending: 'Trending', demand: 'Demand' };

export function AdminPostFilters({ values, boards, statuses, tags, onChange }: AdminPostFiltersProps) {
  return (
    <div className="admin-filters" role="search" aria-label="Filter posts">
      <SearchInput label="Search posts" value={values.q} onSearch={(q) => onChange({ q })} testId="admin-post-search" />
      <label className="visually-hidden" htmlFor="admin-filter-board">
        Board
      </label>
      <Select id="admin-filter-board" className="admin-filters__select" value={values.board} onChange={(event) => onChange({ board: event.target.value })}>
        <option value="">All boards</option>
        {boards.map((board) => (
          <option key={board.id} value={board.id}>
            {board.name}
          </option>
        ))}
      </Select>
      <label className="visually-hidden" htmlFor="admin-filter-status">
        Status
      </label>
      <Select id="admin-filter-status" className="admin-filters__select" value={values.status} onChange={(event) => onChange({ status: event.target.value })}>
        <option value="">All statuses</option>
        {statuses.map((status) => (
          <option key={status.id} value={status.id}>
            {status.name}
          </option>
        ))}
      </Select>
      <label className="visually-hidden" htmlFor="admin-filter-tag">
        Tag
      </label>
      <Select id="admin-filter-tag" className="admin-filters__select" value={values.tag} onChange={(event) => onChange({ tag: event.target.value })}>
        <option value="">All tags</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </Select>
      <label className="visually-hidden" htmlFor="admin-filter-sort">
        Sort
      </label>
      <Select id="admin-filter-sort" className="admin-filters__select" value={values.sort} onChange={(event) => onChange({ sort: event.target.value })}>
        {(Object.keys(sortLabels) as TeamPostSort[]).map((sort) => (
          <option key={sort} value={sort}>
            {sortLabels[sort]}
          </option>
        ))}
      </Select>
      <CheckboxField
        label="Include deleted"
        checked={values.deleted === '1'}
        onChange={(checked) => onChange({ deleted: checked ? '1' : '' })}
        testId="include-deleted-checkbox"
      />
    </div>
  );
}
