import { Link } from 'react-router';
import { listChangelog, type ChangelogEntry, type ChangelogState } from '../../api/changelog.ts';
import { ChangelogTypeBadge } from '../../features/changelog/ChangelogTypeBadge.tsx';
import { formatDateTime, pluralize } from '../../lib/format.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { useSearchParamState } from '../../lib/use-search-param-state.ts';
import { buttonClassName, Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Select } from '../../ui/Select.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
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
      <section className="card table-wrap">
        {entries.isLoading ? <LoadingBlock /> : null}
        {entries.error ? <LoadError error={entries.error} onRetry={entries.reload} /> : null}
        {!entries.isLoading && !entries.error && entries.items.length === 0 ? (
          <EmptyState title="No entries yet" description="Write the first one when something ships." />
        ) : null}
        {entries.items.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">State</th>
                <th scope="col" className="numeric">Linked posts</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        ) : null}
        {entries.hasMore ? (
          <div className="list-footer">
            <Button onClick={entries.loadMore} isLoading={entries.isLoadingMore}>
              Load more
            </Button>
          </div>
        ) : null}
      </section>
    </>
  );
}
