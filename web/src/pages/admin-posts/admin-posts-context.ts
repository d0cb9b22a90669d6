import { useOutletContext } from 'react-router';
import type { Board, PostSummary, Status, Tag } from '../../api/types.ts';

// What the posts list hands to the post drawer it hosts, so edits show in the list without a refetch.
export type AdminPostsContext = {
  boards: Board[];
  statuses: Status[];
  tags: Tag[];
  closePath: string;
  onPostChanged: (post: PostSummary) => void;
};

export function useAdminPostsContext(): AdminPostsContext {
  return useOutletContext<AdminPostsContext>();
}
