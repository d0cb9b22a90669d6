import { Link, useParams } from 'react-router';
import { getChangelogEntry } from '../../api/changelog.ts';
import { isApiError } from '../../api/client.ts';
import { ChangelogEntryArticle } from '../../features/changelog/ChangelogEntryArticle.tsx';
import { usePageTitle } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ArrowLeftIcon } from '../../ui/icons.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import './changelog-page.css';

export function ChangelogEntryPage() {
  const { entryId = '' } = useParams();
  const { data: entry, error } = useAsync((signal) => getChangelogEntry(entryId, signal), [entryId]);
  usePageTitle(entry?.title ?? 'Changelog');

  // A draft is only visible to the team; for everyone else it simply does not exist.
  if (isApiError(error, 404) || isApiError(error, 400)) return <NotFoundPage what="update" />;
  if (error) return <Alert title="This update could not be loaded">{describeError(error)}</Alert>;
  if (!entry || entry.id !== entryId) return <LoadingBlock label="Loading…" />;

  return (
    <>
      <Link to="/changelog" className="back-link">
        <ArrowLeftIcon size={14} /> All updates
      </Link>
      {entry.state !== 'published' ? (
        <div className="changelog-page__notice">
          <Alert tone="warning" title={entry.state === 'scheduled' ? 'Scheduled — not public yet' : 'Draft — not public'}>
            Only the team can see this entry until it is published.
          </Alert>
        </div>
      ) : null}
      <ChangelogEntryArticle entry={entry} headingLevel="h1" isTitleLinked={false} />
    </>
  );
}
