// The statistics charts as inline SVG (decorative for screen readers: each chart has a table
// beside it). Colours come from the theme's CSS variables, so light and dark both work.
import type { DayCount, Heatmap, QuizPoint } from '../../domain/stats/stats';

const CELL = 11;
const GAP = 2;

/** GitHub-style grid: one column per week, Sunday at the top. */
export function HeatmapChart({ heatmap }: { heatmap: Heatmap }) {
  const first = heatmap.days[0]?.weekday ?? 0;
  const weeks = Math.ceil((heatmap.days.length + first) / 7);
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / Math.max(1, heatmap.max)) * 4)));
  return (
    <svg className="chart heatmap" viewBox={`0 0 ${weeks * (CELL + GAP)} ${7 * (CELL + GAP)}`} aria-hidden="true" focusable="false">
      {heatmap.days.map((d, i) => {
        const slot = i + first;
        return (
          <rect
            key={d.key}
            x={Math.floor(slot / 7) * (CELL + GAP)}
            y={(slot % 7) * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={2}
            className={`heat-${level(d.count)}`}
          >
            <title>{`${d.key}: ${d.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function BarChart({ data }: { data: DayCount[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const W = 10;
  const H = 80;
  return (
    <svg className="chart bars" viewBox={`0 0 ${data.length * (W + 2)} ${H}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {data.map((d, i) => {
        const h = d.count === 0 ? 0 : Math.max(2, (d.count / max) * (H - 4));
        return (
          <rect key={d.key} x={i * (W + 2)} y={H - h} width={W} height={h} className={i === 0 ? 'bar bar-today' : 'bar'}>
            <title>{`${d.key}: ${d.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Accuracy (0-100 %) of each quiz in order, as a line with dots. */
export function LineChart({ points }: { points: QuizPoint[] }) {
  const W = 300;
  const H = 100;
  const pad = 6;
  const x = (i: number) => (points.length <= 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (points.length - 1));
  const y = (a: number) => H - pad - a * (H - 2 * pad);
  return (
    <svg className="chart line" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <line className="grid" x1={0} x2={W} y1={y(0.5)} y2={y(0.5)} />
      <polyline className="line-path" points={points.map((p, i) => `${x(i)},${y(p.accuracy)}`).join(' ')} />
      {points.map((p, i) => (
        <circle key={p.id} className="line-dot" cx={x(i)} cy={y(p.accuracy)} r={3} />
      ))}
    </svg>
  );
}
