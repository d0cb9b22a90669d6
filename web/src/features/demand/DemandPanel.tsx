import { getPostDemand } from '../../api/demand.ts';
import type { DemandContribution, PostDemand } from '../../api/types.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Sparkline } from '../../ui/Sparkline.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import './demand.css';

/**
 * The team's view of a post's demand: the score, its rank in the board and "why this rank" — each
 * component's contribution as a bar (they add up to the score) — then who the demand comes from.
 */
export function DemandPanel({ postId, refreshKey = 0 }: { postId: string; refreshKey?: string | number }) {
  const { data, error } = useAsync((signal) => getPostDemand(postId, signal), [postId, refreshKey]);
  if (error) return <Alert title="Demand could not be loaded">{describeError(error)}</Alert>;
  if (!data || data.postId !== postId) return <LoadingBlock label="Loading demand…" />;
  if (data.mergedIntoId) return <p className="subtle">This post was merged: its voters count on the post it was merged into.</p>;
  return (
    <div className="demand-panel">
      <div className="demand-panel__summary">
        <div>
          <span className="demand-panel__score" data-testid="demand-score" data-score={data.score}>
            {formatScore(data.score)}
          </span>
          <span className="subtle"> demand score</span>
        </div>
        <span className="subtle">
          {data.rank !== null ? `#${data.rank} of ${data.rankedPosts} in this board` : 'Not ranked'}
        </span>
      </div>
      <ContributionBars data={data} />
      <div className="demand-panel__activity">
        <Sparkline points={data.sparkline} width={220} height={32} />
        <span className="subtle">New votes per day, last {data.sparkline.length} days</span>
      </div>
      <SegmentTable data={data} />
      <p className="subtle demand-panel__footnote">
        {data.mergedPostIds.length > 0 ? `Includes the voters of ${data.mergedPostIds.length} merged ${data.mergedPostIds.length === 1 ? 'post' : 'posts'}, each person once. ` : ''}
        Computed {formatDateTime(data.computedAt)}.
      </p>
    </div>
  );
}

function formatScore(score: number): string {
  return score.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

function describeValue(c: DemandContribution): string {
  if (c.key === 'monthlyRevenue') return `${formatMoney(c.value)}/mo`;
  return c.value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

function ContributionBars({ data }: { data: PostDemand }) {
  const largest = Math.max(...data.contributions.map((c) => c.contribution), 0.0001);
  return (
    <ol className="demand-bars" data-testid="demand-breakdown" aria-label="Why this rank">
      {data.contributions.map((c) => (
        <li key={c.key} className="demand-bars__row" data-key={c.key}>
          <span className="demand-bars__label">
            {c.label} <span className="subtle">{describeValue(c)}</span>
          </span>
          <span className="demand-bars__track" aria-hidden="true">
            <span className="demand-bars__fill" style={{ width: `${(c.contribution / largest) * 100}%` }} />
          </span>
          <span className="demand-bars__value" title={`weight ${c.weight} × log2 scale ${c.normalized}`}>
            +{formatScore(c.contribution)}
          </span>
        </li>
      ))}
    </ol>
  );
}

function SegmentTable({ data }: { data: PostDemand }) {
  if (data.segments.length === 0) return <p className="subtle">No votes yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table demand-segments" data-testid="demand-segments">
        <caption className="visually-hidden">Demand by customer segment</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="numeric">Voters</th>
            <th scope="col" className="numeric">Companies</th>
            <th scope="col" className="numeric">MRR</th>
            <th scope="col" className="numeric">Score</th>
          </tr>
        </thead>
        <tbody>
          {data.segments.map((s) => (
            <tr key={s.segment}>
              <td>{s.segment}</td>
              <td className="numeric">{s.voters}</td>
              <td className="numeric">{s.companies}</td>
              <td className="numeric">{formatMoney(s.monthlyRevenue)}</td>
              <td className="numeric">{formatScore(s.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
