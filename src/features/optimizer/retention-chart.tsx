// The helper's chart: average minutes per day for each desired retention, the retention with the
// least work per card remembered marked. Decorative for screen readers (the table beside it holds
// the same figures); colours come from the theme, so light and dark both work.
import type { SimulationResult } from '../../domain/optimizer/simulate';

const W = 320;
const H = 140;
const PAD_BOTTOM = 18;
const PAD_TOP = 16;
/** Room for the minutes scale at the left. */
const PAD_LEFT = 28;

/** `axes`: what the two axes measure, with their units, shown under the chart. */
export function RetentionChart({ results, best, days, label, axes }: { results: SimulationResult[]; best: number | null; days: number; label: string; axes: string }) {
  const minutes = results.map((r) => r.totalSeconds / 60 / days);
  const max = Math.max(1e-9, ...minutes);
  const slot = (W - PAD_LEFT) / Math.max(1, results.length);
  const barW = Math.max(2, slot - 2);
  const y = (m: number) => H - PAD_BOTTOM - (m / max) * (H - PAD_BOTTOM - PAD_TOP);
  return (
    <figure className="retention-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} focusable="false">
        <line className="chart-scale" x1={PAD_LEFT - 2} x2={PAD_LEFT - 2} y1={PAD_TOP} y2={H - PAD_BOTTOM} />
        <text x={PAD_LEFT - 5} y={PAD_TOP + 4} textAnchor="end" className="chart-axis">
          {max >= 10 ? Math.round(max) : max.toFixed(1)}
        </text>
        <text x={PAD_LEFT - 5} y={H - PAD_BOTTOM} textAnchor="end" className="chart-axis">
          0
        </text>
        {results.map((r, i) => {
          const top = y(minutes[i]!);
          const isBest = r.retention === best;
          return (
            <g key={r.retention}>
              <rect x={PAD_LEFT + i * slot + 1} y={top} width={barW} height={H - PAD_BOTTOM - top} className={isBest ? 'bar bar-best' : 'bar'}>
                <title>{`${Math.round(r.retention * 100)}%: ${minutes[i]!.toFixed(1)} min`}</title>
              </rect>
              {isBest && (
                <text x={PAD_LEFT + i * slot + slot / 2} y={Math.max(10, top - 4)} textAnchor="middle" className="chart-mark">
                  ▼
                </text>
              )}
              {(i % 5 === 0 || i === results.length - 1) && (
                <text x={PAD_LEFT + i * slot + slot / 2} y={H - 4} textAnchor="middle" className="chart-axis">
                  {Math.round(r.retention * 100)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-axes muted">{axes}</figcaption>
    </figure>
  );
}
