import type { RoadmapColumn as RoadmapColumnData, RoadmapKind } from '../../api/roadmap.ts';
import { Button } from '../../ui/Button.tsx';
import { RoadmapCard } from './RoadmapCard.tsx';

const columnTitles: Record<RoadmapKind, string> = { planned: 'Planned', in_progress: 'In progress', shipped: 'Shipped' };
const emptyText: Record<RoadmapKind, string> = {
  planned: 'Nothing planned yet.',
  in_progress: 'Nothing in progress right now.',
  shipped: 'Nothing shipped yet.',
};

type RoadmapColumnProps = {
  column: RoadmapColumnData;
  showBoard: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
};

export function RoadmapColumn({ column, showBoard, isLoadingMore, onLoadMore }: RoadmapColumnProps) {
  const headingId = `roadmap-column-${column.kind}`;
  // The column colour follows the workspace's first status of that kind.
  const color = column.statuses[0]?.color;
  return (
    <section
      className="roadmap-column card"
      aria-labelledby={headingId}
      data-testid="roadmap-column"
      data-kind={column.kind}
      style={color ? { borderTopColor: color } : undefined}
    >
      <header className="roadmap-column__header">
        <h2 id={headingId} className="roadmap-column__title">
          {columnTitles[column.kind]}
        </h2>
        <span className="roadmap-column__count subtle">
          {column.items.length}
          {column.nextCursor ? '+' : ''}
        </span>
      </header>
      {column.items.length === 0 ? (
        <p className="roadmap-column__empty subtle">{emptyText[column.kind]}</p>
      ) : (
        <ul className="roadmap-column__list">
          {column.items.map((card) => (
            <RoadmapCard key={card.id} card={card} showBoard={showBoard} />
          ))}
        </ul>
      )}
      {column.nextCursor ? (
        <div className="roadmap-column__more">
          <Button size="sm" variant="ghost" onClick={onLoadMore} isLoading={isLoadingMore}>
            {column.kind === 'shipped' ? 'Show earlier' : 'Show more'}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
