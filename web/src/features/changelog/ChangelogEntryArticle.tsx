import { Link } from 'react-router';
import type { ChangelogEntry } from '../../api/changelog.ts';
import { formatDate } from '../../lib/format.ts';
import { SanitizedHtml } from '../content/SanitizedHtml.tsx';
import { StatusBadge } from '../posts/StatusBadge.tsx';
import { ChangelogTypeBadge } from './ChangelogTypeBadge.tsx';
import './changelog.css';

type ChangelogEntryArticleProps = { entry: ChangelogEntry; headingLevel?: 'h1' | 'h2'; isTitleLinked?: boolean };

// One published entry as visitors see it: type, date, the sanitized body and the ideas it delivers.
export function ChangelogEntryArticle({ entry, headingLevel = 'h2', isTitleLinked = true }: ChangelogEntryArticleProps) {
  const Heading = headingLevel;
  const date = entry.publishedAt ?? entry.updatedAt;
  return (
    <article className="changelog-entry card" data-testid="changelog-entry" data-entry-id={entry.id}>
      <header className="changelog-entry__header">
        <div className="changelog-entry__meta">
          <ChangelogTypeBadge type={entry.type} />
          <time dateTime={date} className="subtle">
            {formatDate(date)}
          </time>
        </div>
        <Heading className="changelog-entry__title">
          {isTitleLinked ? <Link to={`/changelog/${entry.id}`}>{entry.title}</Link> : entry.title}
        </Heading>
      </header>
      {entry.bodyHtml ? <SanitizedHtml html={entry.bodyHtml} className="changelog-entry__body" /> : null}
      {entry.posts.length > 0 ? (
        <section className="changelog-entry__posts" aria-label="Ideas this delivers">
          <p className="changelog-entry__posts-heading">You asked for this</p>
          <ul className="changelog-entry__post-list">
            {entry.posts.map((post) => (
              <li key={post.id} className="changelog-entry__post" data-testid="changelog-linked-post">
                <Link to={`/p/${post.id}`}>{post.title}</Link>
                <StatusBadge status={post.status} />
                <span className="subtle">{post.board.name}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
