// The dashboard as CSV (RFC 4180: comma-separated, quoted when needed, CRLF line ends): one row
// per member and assignment, so a spreadsheet can filter by either.
import type { Dashboard } from './dashboard';
import type { AssignmentDoc } from './types';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const pct = (x: number | null): string | null => (x === null ? null : (x * 100).toFixed(1));
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const CSV_HEADER = [
  'member',
  'summary_day',
  'last_active',
  'reviews_7d',
  'retention_7d_pct',
  'retention_30d_pct',
  'overdue',
  'assignment',
  'deck',
  'lessons',
  'due',
  'lessons_passed',
  'lessons_total',
  'mean_recall_pct',
  'target_pct',
  'ready',
];

export function dashboardCsv(dashboard: Dashboard, assignments: readonly AssignmentDoc[]): string {
  const byId = new Map(assignments.map((a) => [a._id, a]));
  const lines = [CSV_HEADER.join(',')];
  for (const m of dashboard.members) {
    const base = [m.member, m.day, iso(m.lastActiveAt), m.reviews7, pct(m.retention7), pct(m.retention30), m.overdue];
    const rows = m.assignments.length > 0 ? m.assignments : [null];
    for (const p of rows) {
      const a = p ? byId.get(p.assignmentId) : undefined;
      const rest = p && a
        ? [a._id, a.deckId, `${a.fromLesson}-${a.toLesson}`, a.dueDay, p.lessonsPassed, p.lessonsTotal, pct(p.meanRecall), pct(a.retentionTarget), p.ready ? 'yes' : 'no']
        : [null, null, null, null, null, null, null, null, null];
      lines.push([...base, ...rest].map(cell).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
