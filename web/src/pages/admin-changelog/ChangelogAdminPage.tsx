import { Link } from 'react-router';
import { listChangelog, type ChangelogEntry, type ChangelogState } from '../../api/changelog.ts';
import { ChangelogTypeBadge } from '../../features/changelog/ChangelogTypeBadge.tsx';
import { formatDateTime, pluralize } from '../../lib/format.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { useSearchParamState } from '../../lib/use-search-param-state.ts';
import { buttonClassName } from '../../ui/Button.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Select } from '../../ui/Select.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { ChangelogStateBadge } from './ChangelogStateBadge.tsx';
import './admin-changelog.css';

const filterDefaults = { state: '' };

function whenOf(entry: ChangelogEntry): string {
  if (entry.state === 'published' && entry.publishedAt) return `Published ${formatDateTime(entry.publishedAt)}`;
  if (entry.state === 'scheduled' && entry.scheduledFor) return `Publishes ${formatDateTime(entry.scheduledFor)}`;
  return `Edited ${formatDateTime(entry.updatedAt)}`;
}

export function ChangelogAdminPage() {
  const [filters, setFilters] = useSearchParamState(filterDefaults);
  const state = (filters.state || undefined) as ChangelogState | undefined;
  const entries = usePagedList<ChangelogEntry>((cursor, signal) => listChangelog({ state, cursor, limit: 25 }, signal), [state]);

  return (
    <>
      <AdminPageHeader
        title="Changelog"
        description="Tell customers what shipped. Publishing notifies everyone who asked for the linked posts."
        actions={
          <Link to="/admin/changelog/new" className={buttonClassName('primary')} data-testid="new-changelog-button">
            <PlusIcon size={16} /> New entry
          </Link>
        }
      />
      <div className="admin-changelog__toolbar">
        <label className="visually-hidden" htmlFor="changelog-state-filter">
          State
        </label>
        <Select id="changelog-state-filter" value={filters.state} onChange={(event) => setFilters({ state: event.target.value })}>
          <option value="">All entries</option>
          <option value="draft">Drafts</option>
          <option value="scheduled">Scheduled</option>
          <option value="published">Published</option>
        </Select>
        <a href="/changelog" className="subtle" target="_blank" rel="noreferrer">
          View public changelog ↗
        </a>
      </div>
      <CollectionTable
        state={entries}
        count={entries.items.length}
        isLoadingShownOverList
        empty={{ title: 'No entries yet', description: 'Write the first one when something ships.' }}
        columns={[{ label: 'Entry' }, { label: 'State' }, { label: 'Linked posts', className: 'numeric' }]}
        hasRowActions={false}
        pages={entries}
      >
        {entries.items.map((entry) => (
          <tr key={entry.id} data-testid="admin-changelog-row">
            <td>
              <div className="admin-changelog__title-cell">
                <ChangelogTypeBadge type={entry.type} />
                <Link to={`/admin/changelog/${entry.id}`} className="table__primary">
                  {entry.title}
                </Link>
              </div>
              <div className="subtle">{whenOf(entry)}</div>
            </td>
            <td>
              <ChangelogStateBadge state={entry.state} />
            </td>
            <td className="numeric">{pluralize(entry.posts.length, 'post')}</td>
          </tr>
        ))}
      </CollectionTable>
    </>
  );
}
