// Benchmark of backup import: 100,000 ratings (5,000 cards x 20) checked whole (schema, bounds,
// checksum, a replay of the merged log), planned and written in chunks into a database that holds
// the cards, then imported a second time (nothing to write); then the cost of voids: the same log
// with 10% of it voided, replayed in memory and imported. Prints figures; asserts nothing.
// Runs in Node on fake-indexeddb (an in-memory IndexedDB written in JavaScript), NOT a browser:
// Chromium's IndexedDB writes are slower (about 15 s for 100k rows is the expected floor there).
// Run: npx tsx bench/import.ts
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { applyImport, CHUNK_SIZE, loadBackupValidators, prepareImport } from '../src/db/backup/import';
import { checkBackup, parseBackupText } from '../src/domain/backup/validate';
import { foldEvents } from '../src/domain/events/fold';
import type { LearnerEvent, RatingEvent, VoidEvent } from '../src/domain/events/types';
import { createDb } from '../src/db/database';
import { installDecks } from '../src/db/install-decks';
import { buildBackup, serializeBackup } from '../src/domain/backup/format';
import { normalizeParams } from '../src/domain/scheduler/params';
import { newCardState, rateCard } from '../src/domain/scheduler/scheduler';
import type { Grade } from '../src/domain/scheduler/types';
import { createDeck } from '../test/factories';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const CARDS = 5000;
const PER_CARD = 20;

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

async function main() {
  const deck = createDeck({ commands: CARDS / 2, sectionCount: 10 });
  const params = normalizeParams({});
  const day = { timeZone: 'Asia/Tokyo', startHour: 4 };

  let t0 = performance.now();
  const reviewLog: RatingEvent[] = [];
  deck.cards.forEach((card, c) => {
    let s = newCardState();
    let t = NOW - 400 * DAY + c * 1000;
    for (let i = 0; i < PER_CARD; i++) {
      const rating = (i % 7 === 3 ? 1 : 3) as Grade;
      const { state, record } = rateCard(s, rating, t, params, day);
      reviewLog.push({
        id: `${c.toString(36)}-${i}`,
        type: 'rating',
        at: record.reviewedAt,
        device: 'bench',
        seq: reviewLog.length + 1,
        cardId: card.id,
        deckId: deck.id,
        rating,
        reviewedAt: record.reviewedAt,
        durationMs: 4000,
        dayKey: record.dayKey,
        timeZone: record.timeZone,
        dayStartHour: record.dayStartHour,
        params: record.params,
        prevState: record.prevState,
        nextState: record.nextState,
        scheduledDays: record.scheduledDays,
        due: record.due,
      });
      s = state;
      t = Math.max(state.due, t + 60_000);
    }
  });
  // Checked as of a day after the last rating: a card's reviews run past NOW (each waits for its
  // due date), and the check refuses a time after its `now` (as bench/browser/rebuild.ts does).
  const checkNow = Math.max(...reviewLog.map((e) => e.reviewedAt)) + DAY;
  const backup = buildBackup(reviewLog, { device: 'bench', deckVersions: {} }, checkNow);
  const text = serializeBackup(backup);
  console.log(`generated ${reviewLog.length.toLocaleString('en')} entries, file ${(text.length / 1e6).toFixed(1)} MB: ${ms(t0)}`);

  const db = createDb({ name: 'bench-import', indexedDB: new IDBFactory(), IDBKeyRange });
  await installDecks(db, [deck], NOW);

  t0 = performance.now();
  checkBackup(parseBackupText(text), await loadBackupValidators(), checkNow);
  console.log(`validate only (parse, precompiled JSON Schema, semantic checks, checksum): ${ms(t0)}`);

  t0 = performance.now();
  const prepared = await prepareImport(db, text, checkNow);
  console.log(`read + validate (parse, precompiled JSON Schema, checks, checksum) + plan: ${ms(t0)}`);

  t0 = performance.now();
  let last = 0;
  const result = await applyImport(db, prepared, (p) => {
    if (p.phase === 'writing' && p.done - last >= 25_000) {
      last = p.done;
      console.log(`  ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} written after ${ms(t0)}`);
    }
  });
  console.log(`write ${prepared.plan.added.rating.toLocaleString('en')} entries in ${result.chunks} chunks of ~${CHUNK_SIZE} (states replayed per chunk): ${ms(t0)}`);

  t0 = performance.now();
  const again = await prepareImport(db, text, checkNow);
  await applyImport(db, again);
  console.log(`same file again (validate + plan, nothing to write: ${again.plan.isEmpty}): ${ms(t0)}`);
  console.log(`log rows: ${(await db.reviewLog.count()).toLocaleString('en')}; review-state cards: ${await db.cardStates.where('[queue+due]').between([2, -Infinity], [2, Infinity]).count()}`);
  db.close();

  // Voids: every 10th rating taken back (10,000 voids). Replay skips voided ratings, so the cost
  // is building the voided set and filtering, not replaying more.
  const voids: VoidEvent[] = reviewLog.filter((_, k) => k % 10 === 9).map((r, k) => ({ id: `void-${k}`, type: 'void', at: r.reviewedAt + 1000, device: 'bench', seq: 200_000 + k, target: r.id }));
  t0 = performance.now();
  foldEvents(reviewLog);
  console.log(`replay in memory, 100,000 ratings, no voids: ${ms(t0)}`);
  t0 = performance.now();
  foldEvents([...reviewLog, ...voids] as LearnerEvent[]);
  console.log(`replay in memory, 100,000 ratings + 10,000 voids (90,000 live): ${ms(t0)}`);
  const withVoids = serializeBackup(buildBackup([...reviewLog, ...voids], { device: 'bench', deckVersions: {} }, checkNow));
  const db2 = createDb({ name: 'bench-import-voids', indexedDB: new IDBFactory(), IDBKeyRange });
  await installDecks(db2, [deck], NOW);
  t0 = performance.now();
  const p2 = await prepareImport(db2, withVoids, checkNow);
  console.log(`read + validate + plan, 100,000 ratings + 10,000 voids: ${ms(t0)}`);
  t0 = performance.now();
  await applyImport(db2, p2);
  console.log(`write them (voided ratings stored apart, states replayed from the live ones): ${ms(t0)}`);
  db2.close();
  console.log('(fake-indexeddb in Node; browser IndexedDB figures differ, see the header)');
}

void main();
