import { cx } from '../lib/class-names.ts';
import './sparkline.css';

export type SparklinePoint = { date: string; votes: number };

type SparklineProps = {
  points: SparklinePoint[];
  width?: number;
  height?: number;
  className?: string;
  /** Read out instead of the drawing, e.g. "7 new votes in the last 30 days". */
  label?: string;
};

// A tiny inline SVG: one bar per day, scaled to the busiest day, so a glance tells "steady",
// "spike last week" or "quiet lately". Bars rather than a line because most days have zero or one vote.
export function Sparkline({ points, width = 120, height = 28, className, label }: SparklineProps) {
  const max = Math.max(1, ...points.map((p) => p.votes));
  const total = points.reduce((sum, p) => sum + p.votes, 0);
  const step = points.length > 0 ? width / points.length : width;
  const barWidth = Math.max(1, step - 1);
  const description = label ?? `${total} new ${total === 1 ? 'vote' : 'votes'} in the last ${points.length} days`;
  return (
    <svg
      className={cx('sparkline', className)}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={description}
      data-testid="sparkline"
      data-total={total}
    >
      <title>{description}</title>
      <line className="sparkline__baseline" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
      {points.map((point, i) => {
        if (point.votes === 0) return null;
        const barHeight = Math.max(2, (point.votes / max) * (height - 2));
        return (
          <rect key={point.date} className="sparkline__bar" x={i * step} y={height - barHeight} width={barWidth} height={barHeight} rx={1}>
            <title>{`${point.date}: ${point.votes} new ${point.votes === 1 ? 'vote' : 'votes'}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
