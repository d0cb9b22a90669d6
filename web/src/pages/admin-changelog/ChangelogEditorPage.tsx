import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getChangelogEntry, type ChangelogEntry } from '../../api/changelog.ts';
import { isApiError } from '../../api/client.ts';
import { listStatuses } from '../../api/taxonomy.ts';
import { useAsync } from '../../lib/use-async.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ArrowLeftIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { ChangelogEditor } from './ChangelogEditor.tsx';
import './admin-changelog.css';

// /admin/changelog/new and /admin/changelog/:entryId share this page, so saving a new entry (which
// moves the URL to its id) keeps the editor and what was typed.
export function ChangelogEditorPage() {
  const { entryId = 'new' } = useParams();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<ChangelogEntry | null>(null);
  const isNew = entryId === 'new';
  const loaded = useAsync(
    (signal) => (isNew || saved?.id === entryId ? Promise.resolve(null) : getChangelogEntry(entryId, signal)),
    [entryId],
  );
  const statuses = useAsync((signal) => listStatuses(signal).then((page) => page.items), []);
  const entry = isNew ? null : saved?.id === entryId ? saved : loaded.data?.id === entryId ? loaded.data : undefined;

  const back = (
    <Link to="/admin/changelog" className="back-link">
      <ArrowLeftIcon size={14} /> Changelog
    </Link>
  );
  if (isApiError(loaded.error, 404) || isApiError(loaded.error, 400)) {
    return (
      <>
        {back}
        <div className="card">
          <EmptyState title="This entry does not exist" description="It may have been deleted." />
        </div>
      </>
    );
  }
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (entry === undefined || !statuses.data) return <LoadingBlock label="Loading…" />;

  return (
    <>
      {back}
      <AdminPageHeader title={entry ? 'Edit changelog entry' : 'New changelog entry'} />
      <ChangelogEditor
        key={entry?.id ?? 'new'}
        entry={entry}
        shippedStatuses={statuses.data.filter((status) => status.kind === 'shipped')}
        onSaved={(next) => {
          setSaved(next);
          if (next.id !== entryId) navigate(`/admin/changelog/${next.id}`, { replace: true });
        }}
        onDeleted={() => navigate('/admin/changelog')}
      />
    </>
  );
}
