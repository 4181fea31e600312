// What a summary reads of the log: its 30 study days (and three more, for ratings recorded under
// another day boundary), and the whole log only when none of those is in the 30 days.
import { describe, expect, it } from 'vitest';
import { readsWholeLog, summaryLogFrom } from '../../src/domain/team/summarize';

const TOKYO = { timeZone: 'Asia/Tokyo', startHour: 4 };
// 2026-11-27 12:00 in Tokyo: the 30 days run from 2026-10-29 04:00 to 2026-11-28 04:00 (Tokyo).
const NOW = Date.parse('2026-11-27T12:00:00+09:00');
const FROM30 = Date.parse('2026-10-29T04:00:00+09:00');
const END = Date.parse('2026-11-28T04:00:00+09:00');

describe("a summary's read of the log", () => {
  it('starts three recorded days before its 30 days', () => {
    expect(summaryLogFrom(NOW, TOKYO)).toBe('2026-10-26');
  });

  it('needs the whole log only when no rating read falls in the 30 days', () => {
    expect(readsWholeLog([], NOW, TOKYO)).toBe(true);
    expect(readsWholeLog([{ reviewedAt: FROM30 - 1 }], NOW, TOKYO)).toBe(true);
    expect(readsWholeLog([{ reviewedAt: END }], NOW, TOKYO)).toBe(true);
    expect(readsWholeLog([{ reviewedAt: FROM30 - 1 }, { reviewedAt: FROM30 }], NOW, TOKYO)).toBe(false);
    expect(readsWholeLog([{ reviewedAt: END - 1 }], NOW, TOKYO)).toBe(false);
  });
});
