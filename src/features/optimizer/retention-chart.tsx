// The helper's chart: average minutes per day for each desired retention, the retention with the
// least work per card remembered marked. Decorative for screen readers (the table beside it holds
// the same figures); colours come from the theme, so light and dark both work.
import type { SimulationResult } from '../../domain/optimizer/simulate';

const W = 320;
const H = 140;
const PAD_BOTTOM = 18;
const PAD_TOP = 16;

export function RetentionChart({ results, best, days, label }: { results: SimulationResult[]; best: number | null; days: number; label: string }) {
  const minutes = results.map((r) => r.totalSeconds / 60 / days);
  const max = Math.max(1e-9, ...minutes);
  const slot = W / Math.max(1, results.length);
  const barW = Math.max(2, slot - 2);
  const y = (m: number) => H - PAD_BOTTOM - (m / max) * (H - PAD_BOTTOM - PAD_TOP);
  return (
    <figure className="retention-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} focusable="false">
        {results.map((r, i) => {
          const top = y(minutes[i]!);
          const isBest = r.retention === best;
          return (
            <g key={r.retention}>
              <rect x={i * slot + 1} y={top} width={barW} height={H - PAD_BOTTOM - top} className={isBest ? 'bar bar-best' : 'bar'}>
                <title>{`${Math.round(r.retention * 100)}%: ${minutes[i]!.toFixed(1)} min`}</title>
              </rect>
              {isBest && (
                <text x={i * slot + slot / 2} y={Math.max(10, top - 4)} textAnchor="middle" className="chart-mark">
                  ▼
                </text>
              )}
              {(i % 5 === 0 || i === results.length - 1) && (
                <text x={i * slot + slot / 2} y={H - 4} textAnchor="middle" className="chart-axis">
                  {Math.round(r.retention * 100)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
