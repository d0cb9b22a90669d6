import { useState } from 'react';
import { mergePost } from '../../api/merges.ts';
import type { Post } from '../../api/types.ts';

// The merge request behind both merge dialogs (from the post drawer and from the duplicate queue):
// whether it is running, and the error of the last attempt for the dialog to show.
export function useMergePost() {
  const [isMerging, setIsMerging] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** Merges `sourceId` into `targetId`; resolves to the target, or to null when it failed (see `error`). */
  const merge = async (sourceId: string, targetId: string): Promise<Post | null> => {
    setIsMerging(true);
    setError(null);
    try {
      return await mergePost(sourceId, targetId);
    } catch (reason) {
      setError(reason);
      return null;
    } finally {
      setIsMerging(false);
    }
  };

  return { isMerging, error, merge, clearError: () => setError(null) };
}
