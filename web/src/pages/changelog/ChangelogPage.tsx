import { listChangelog, type ChangelogEntry } from '../../api/changelog.ts';
import { ChangelogEntryArticle } from '../../features/changelog/ChangelogEntryArticle.tsx';
import { useSession, usePageTitle } from '../../features/session/session-context.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListStates } from '../../ui/ListStates.tsx';
import { RetryAlert } from '../../ui/RetryAlert.tsx';
import './changelog-page.css';

const pageSize = 10;

export function ChangelogPage() {
  const { me } = useSession();
  usePageTitle('Changelog');
  // Published entries only, whoever is looking: this page is what customers see.
  const entries = usePagedList<ChangelogEntry>(
    (cursor, signal) => listChangelog({ state: 'published', cursor, limit: pageSize }, signal),
    [],
  );

  return (
    <>
      <header className="page-header changelog-page__header">
        <div>
          <h1 className="page-header__title">Changelog</h1>
          <p className="page-header__lead">New features, improvements and fixes in {me.workspace.name}.</p>
        </div>
        {/* A plain link: the feed is served by the server, not by the web app. */}
        <a className="changelog-page__feed" href="/changelog.atom" type="application/atom+xml">
          Subscribe (Atom feed)
        </a>
      </header>
      <ListStates
        state={entries}
        count={entries.items.length}
        loadingLabel="Loading the changelog…"
        isLoadingShownOverList
        error={
          <RetryAlert title="The changelog could not be loaded" error={entries.error} onRetry={entries.reload} />
        }
        empty={
          <div className="card">
            <EmptyState title="Nothing shipped yet" description="Updates will appear here as soon as the team publishes them." />
          </div>
        }
        pages={entries}
        moreLabel="Older updates"
        footerClassName="changelog-page__more"
      >
        <div className="changelog-page__list">
          {entries.items.map((entry) => (
            <ChangelogEntryArticle key={entry.id} entry={entry} />
          ))}
        </div>
      </ListStates>
    </>
  );
}
