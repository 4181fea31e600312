// The statistics charts as inline SVG (decorative for screen readers: each chart has a table
// beside it). Colours come from the theme's CSS variables, so light and dark both work.
import type { Lang } from '../../domain/deck/types';
import { dayKeyToUtcMs } from '../../domain/scheduler/day';
import type { DayCount, Heatmap, QuizPoint } from '../../domain/stats/stats';

const CELL = 11;
const GAP = 2;
/** Room for the weekday names (left) and the month names (top). */
const LEFT = 24;
const TOP = 12;

/** Short month and weekday names in the UI language, from study-day keys (named by calendar date). */
function names(lang: Lang) {
  const month = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'short' });
  const weekday = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday: 'short' });
  return { month: (key: string) => month.format(dayKeyToUtcMs(key)), weekday: (key: string) => weekday.format(dayKeyToUtcMs(key)) };
}

/** GitHub-style grid: one column per week, Sunday at the top; months above, Mon/Wed/Fri beside. */
export function HeatmapChart({ heatmap, lang }: { heatmap: Heatmap; lang: Lang }) {
  const first = heatmap.days[0]?.weekday ?? 0;
  const weeks = Math.ceil((heatmap.days.length + first) / 7);
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / Math.max(1, heatmap.max)) * 4)));
  const name = names(lang);
  // A month's name over the column holding its first day (2024-01-01 was a Monday: rows 1, 3, 5).
  const months = heatmap.days.flatMap((d, i) => (d.key.endsWith('-01') ? [{ key: d.key, week: Math.floor((i + first) / 7) }] : []));
  return (
    <svg className="chart heatmap" viewBox={`0 0 ${LEFT + weeks * (CELL + GAP)} ${TOP + 7 * (CELL + GAP)}`} aria-hidden="true" focusable="false">
      {months.map((m) => (
        <text key={m.key} className="chart-axis" x={LEFT + m.week * (CELL + GAP)} y={TOP - 3}>
          {name.month(m.key)}
        </text>
      ))}
      {[1, 3, 5].map((row) => (
        <text key={row} className="chart-axis" x={LEFT - 3} y={TOP + row * (CELL + GAP) + CELL - 2} textAnchor="end">
          {name.weekday(`2024-01-0${row}`)}
        </text>
      ))}
      {heatmap.days.map((d, i) => {
        const slot = i + first;
        return (
          <rect
            key={d.key}
            x={LEFT + Math.floor(slot / 7) * (CELL + GAP)}
            y={TOP + (slot % 7) * (CELL + GAP)}
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

/**
 * Bars per day with their axes in HTML around the SVG (which stretches to the width, so text in
 * it would stretch too): the largest count and 0 beside, the first, middle and last day below.
 */
export function BarChart({ data, dayLabel }: { data: DayCount[]; dayLabel: (key: string, index: number) => string }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const W = 10;
  const H = 80;
  const ticks = data.length > 2 ? [0, Math.floor((data.length - 1) / 2), data.length - 1] : data.map((_, i) => i);
  return (
    <div className="bars-frame" aria-hidden="true">
      <div className="bars-y">
        <span>{max}</span>
        <span>0</span>
      </div>
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
      <div className="bars-x">
        {ticks.map((i) => (
          <span key={i}>{dayLabel(data[i]!.key, i)}</span>
        ))}
      </div>
    </div>
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
