import { useState } from 'react';
import type { LinkedPost } from '../../api/changelog.ts';
import { listPosts } from '../../api/posts.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { describeError } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { CloseIcon, PlusIcon } from '../../ui/icons.tsx';
import { SearchInput } from '../../ui/SearchInput.tsx';
import { Spinner } from '../../ui/Spinner.tsx';

export type PickedPost = Pick<LinkedPost, 'id' | 'title' | 'status' | 'board'>;

type LinkPostsPickerProps = { posts: PickedPost[]; onChange: (posts: PickedPost[]) => void; error?: string };

// Linked posts are the ideas this entry delivers: their voters and commenters are told it shipped.
export function LinkPostsPicker({ posts, onChange, error }: LinkPostsPickerProps) {
  const [query, setQuery] = useState('');
  const results = useAsync(
    (signal) => (query ? listPosts({ q: query, limit: 8, sort: 'top' }, signal).then((page) => page.items) : Promise.resolve([])),
    [query],
  );
  const linkedIds = new Set(posts.map((post) => post.id));
  const candidates = (results.data ?? []).filter((post) => !linkedIds.has(post.id));

  return (
    <div className="link-posts">
      <p className="field__label">Linked posts</p>
      {posts.length > 0 ? (
        <ul className="link-posts__linked">
          {posts.map((post) => (
            <li key={post.id} className="link-posts__chip" data-testid="changelog-linked-post">
              <span className="link-posts__chip-title">{post.title}</span>
              <StatusBadge status={post.status} />
              <button
                type="button"
                className="icon-button"
                aria-label={`Unlink “${post.title}”`}
                onClick={() => onChange(posts.filter((item) => item.id !== post.id))}
              >
                <CloseIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">No posts linked. Link the ideas this entry delivers so the people who asked hear about it.</p>
      )}
      <SearchInput label="Find a post to link" placeholder="Search posts to link…" value={query} onSearch={setQuery} testId="changelog-link-post-input" />
      {error ? <p className="field__error">{error}</p> : null}
      {query ? (
        <div className="link-posts__results" aria-live="polite">
          {results.isLoading ? <Spinner size={16} /> : null}
          {results.error ? <p className="field__error">{describeError(results.error)}</p> : null}
          {!results.isLoading && !results.error && candidates.length === 0 ? (
            <p className="subtle">{results.data && results.data.length > 0 ? 'Every matching post is already linked.' : 'No matching posts.'}</p>
          ) : null}
          <ul className="link-posts__result-list">
            {candidates.map((post) => (
              <li key={post.id}>
                <button
                  type="button"
                  className="link-posts__result"
                  data-testid="changelog-link-post-result"
                  onClick={() => {
                    onChange([...posts, { id: post.id, title: post.title, status: post.status, board: post.board }]);
                    setQuery('');
                  }}
                >
                  <PlusIcon size={14} />
                  <span className="link-posts__chip-title">{post.title}</span>
                  <StatusBadge status={post.status} />
                  <span className="subtle">{post.board.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
