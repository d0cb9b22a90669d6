import { useState } from 'react';
import { dismissDuplicate, listDuplicates, type DuplicatePair } from '../../api/similar.ts';
import { describeError } from '../../lib/form-errors.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListStates } from '../../ui/ListStates.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import '../admin-post/merge.css';
import { DuplicatePairCard } from './DuplicatePairCard.tsx';
import { MergePairDialog } from './MergePairDialog.tsx';
import './admin-duplicates.css';

/**
 * The duplicate queue: pairs of posts that read alike, found when the newer one was posted, best
 * first. Merge one into the other, or say "not a duplicate" — the pair is never suggested again,
 * and both kinds of decision teach the ranking what counts as a duplicate in this workspace.
 */
export function DuplicatesAdminPage() {
  const toast = useToast();
  const list = usePagedList<DuplicatePair>((cursor, signal) => listDuplicates(cursor, signal), []);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [dismissingId, setDismissingId] = useState<string | null>(null);

  const dismiss = async (pair: DuplicatePair) => {
    setDismissingId(pair.id);
    try {
      await dismissDuplicate(pair.id);
      list.setItems((items) => items.filter((item) => item.id !== pair.id));
      toast.show({ tone: 'success', message: 'Marked as not a duplicate: this pair will not be suggested again.' });
    } catch (error) {
      toast.show({ tone: 'error', message: describeError(error) });
    } finally {
      setDismissingId(null);
    }
  };

  return (
    <>
      <AdminPageHeader
        title="Duplicates"
        description="Posts that look like the same idea, best matches first, with the words they share. Merging combines their votes; “Not a duplicate” removes the pair for good. Both teach the matching what a duplicate is here."
      />
      <section className="card" aria-label="Likely duplicates">
        <ListStates
          state={list}
          count={list.items.length}
          loadingLabel="Loading duplicates…"
          error={<LoadError error={list.error} onRetry={list.reload} />}
          empty={<EmptyState title="No likely duplicates" description="New posts are checked against existing ones as they arrive; pairs that look alike show up here." />}
          pages={list}
        >
          <ul className="duplicate-pairs">
            {list.items.map((pair) => (
              <DuplicatePairCard
                key={pair.id}
                pair={pair}
                isDismissing={dismissingId === pair.id}
                onMerge={() => setMerging(pair)}
                onDismiss={() => dismiss(pair)}
              />
            ))}
          </ul>
        </ListStates>
      </section>
      <MergePairDialog
        pair={merging}
        onClose={() => setMerging(null)}
        onMerged={(target) => {
          setMerging(null);
          toast.show({ tone: 'success', message: `Merged into “${target.title}”.`, action: { label: 'Open', to: `/admin/posts/${target.id}` } });
          // the merged post leaves every pair it was in: the server's list is the truth
          list.reload();
        }}
      />
    </>
  );
}
