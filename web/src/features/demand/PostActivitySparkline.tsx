import { getPostActivity } from '../../api/demand.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Sparkline } from '../../ui/Sparkline.tsx';
import './demand.css';

/** New voters per day over the last 30 days, for anyone who can see the post (no names, no revenue). */
export function PostActivitySparkline({ postId, refreshKey = 0 }: { postId: string; refreshKey?: string | number }) {
  const { data } = useAsync((signal) => getPostActivity(postId, signal), [postId, refreshKey]);
  if (!data || data.mergedIntoId) return null;
  const total = data.sparkline.reduce((sum, p) => sum + p.votes, 0);
  return (
    <figure className="activity-sparkline">
      <Sparkline points={data.sparkline} width={180} height={32} />
      <figcaption className="subtle">
        {total === 0 ? `No new votes in the last ${data.days} days` : `${total} new ${total === 1 ? 'vote' : 'votes'} in the last ${data.days} days`}
      </figcaption>
    </figure>
  );
}
