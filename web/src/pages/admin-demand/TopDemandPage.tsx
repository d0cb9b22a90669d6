import { Link } from 'react-router';
import { listBoards } from '../../api/boards.ts';
import { listDemandSegments, listTopDemand } from '../../api/demand.ts';
import type { TopDemandItem } from '../../api/types.ts';
import { StatusBadge } from '../../features/posts/StatusBadge.tsx';
import { formatMoney } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { useSearchParamState } from '../../lib/use-search-param-state.ts';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { FilterSelect } from '../admin-layout/FilterSelect.tsx';
import './top-demand.css';

const defaults = { segment: '', board: '' };

/**
 * Posts by demand across the workspace. The segment filter re-ranks by the score of that segment's
 * voters alone (same formula and weights), so "Enterprise" shows what Enterprise customers want most.
 */
export function TopDemandPage() {
  const [filters, setFilters] = useSearchParamState(defaults);
  const lookups = useAsync(async (signal) => {
    const [segments, boards] = await Promise.all([listDemandSegments(signal), listBoards(signal)]);
    return { segments: segments.items, boards: boards.items };
  }, []);
  const list = usePagedList<TopDemandItem>(
    (cursor, signal) => listTopDemand({ segment: filters.segment || undefined, boardId: filters.board || undefined, cursor, limit: 50 }, signal),
    [filters.segment, filters.board],
  );
  const isSegmented = filters.segment !== '';

  return (
    <>
      <AdminPageHeader
        title="Top demand"
        description="Posts ranked by their demand score: unique voters, companies, revenue, importance and momentum. Filter by segment to rank by that segment's voters only."
      />
      <CollectionTable
        state={list}
        count={list.items.length}
        label="Top demand"
        loadingLabel="Loading demand…"
        tableClassName="top-demand"
        stackOnPhone={false}
        toolbarLabel="Filter top demand"
        toolbar={
          <>
            <FilterSelect id="top-demand-segment" label="Segment" allLabel="All voters" testId="segment-filter" value={filters.segment}
              options={(lookups.data?.segments ?? []).map((s) => ({ value: s.segment, label: s.segment }))} onChange={(segment) => setFilters({ segment })} />
            <FilterSelect id="top-demand-board" label="Board" allLabel="All boards" value={filters.board}
              options={(lookups.data?.boards ?? []).map((b) => ({ value: b.id, label: b.name }))} onChange={(board) => setFilters({ board })} />
          </>
        }
        empty={{ title: isSegmented ? `No demand from ${filters.segment} yet` : 'No demand yet', description: 'Posts show up here once customers vote for them.' }}
        columns={[
          { label: '#', className: 'numeric' },
          { label: 'Post' },
          { label: 'Voters', className: 'numeric' },
          { label: 'Companies', className: 'numeric' },
          { label: 'MRR', className: 'numeric' },
          { label: isSegmented ? `${filters.segment} score` : 'Score', className: 'numeric' },
        ]}
        hasRowActions={false}
        pages={list}
      >
        {list.items.map((item) => (
          <tr key={item.post.id} data-testid="top-demand-row" data-post-id={item.post.id} data-score={item.score}>
            <td className="numeric subtle">{item.rank}</td>
            <td>
              <Link to={`/admin/posts/${item.post.id}`} className="table__primary">
                {item.post.title}
              </Link>
              <div className="top-demand__meta subtle">
                <StatusBadge status={item.post.status} /> {item.post.board.name} · {item.post.voteCount} votes
              </div>
              {/* on a phone the voters, companies and MRR columns fold into this line */}
              <div className="top-demand__compact subtle">
                {item.components.uniqueVoters} voters · {item.components.uniqueCompanies} companies · {formatMoney(item.components.monthlyRevenue)} MRR
              </div>
            </td>
            <td className="numeric">{item.components.uniqueVoters}</td>
            <td className="numeric">{item.components.uniqueCompanies}</td>
            <td className="numeric">{formatMoney(item.components.monthlyRevenue)}</td>
            <td className="numeric">
              <strong>{formatScore(item.score)}</strong>
              {isSegmented ? <div className="subtle">of {formatScore(item.totalScore)}</div> : null}
            </td>
          </tr>
        ))}
      </CollectionTable>
    </>
  );
}

function formatScore(score: number): string {
  return score.toLocaleString(undefined, { maximumFractionDigits: 2 });
}
