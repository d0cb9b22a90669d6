import type { Board, Status, Tag, TeamPostSort } from '../../api/types.ts';
import { CheckboxField } from '../../ui/Field.tsx';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { FilterSelect } from '../admin-layout/FilterSelect.tsx';

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
      <FilterSelect id="admin-filter-board" label="Board" allLabel="All boards" value={values.board}
        options={boards.map((b) => ({ value: b.id, label: b.name }))} onChange={(board) => onChange({ board })} />
      <FilterSelect id="admin-filter-status" label="Status" allLabel="All statuses" value={values.status}
        options={statuses.map((st) => ({ value: st.id, label: st.name }))} onChange={(status) => onChange({ status })} />
      <FilterSelect id="admin-filter-tag" label="Tag" allLabel="All tags" value={values.tag}
        options={tags.map((t) => ({ value: t.id, label: t.name }))} onChange={(tag) => onChange({ tag })} />
      <FilterSelect id="admin-filter-sort" label="Sort" value={values.sort}
        options={(Object.keys(sortLabels) as TeamPostSort[]).map((sort) => ({ value: sort, label: sortLabels[sort] }))} onChange={(sort) => onChange({ sort })} />
      <CheckboxField
        label="Include deleted"
        checked={values.deleted === '1'}
        onChange={(checked) => onChange({ deleted: checked ? '1' : '' })}
        testId="include-deleted-checkbox"
      />
    </div>
  );
}
