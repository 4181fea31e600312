// Breakdown of an import's first phase (read, check whole, plan) for 100,000 ratings, step by
// step, in Node on fake-indexeddb: parse, depth, schema, checksum, per-event checks, plan. Prints
// figures; asserts nothing. Run: npx tsx bench/import-phases.ts
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { loadBackupValidators, prepareImport } from '../src/db/backup/import';
import { checkBackup, parseBackupText } from '../src/domain/backup/validate';
import { tooDeepAt } from '../src/domain/events/canonical';
import { eventProblem } from '../src/domain/events/check';
import type { RatingEvent } from '../src/domain/events/types';
import { createDb } from '../src/db/database';
import { installDecks } from '../src/db/install-decks';
import { backupChecksum, buildBackup, eventsOf, serializeBackup, type Backup } from '../src/domain/backup/format';
import { normalizeParams } from '../src/domain/scheduler/params';
import { newCardState, rateCard } from '../src/domain/scheduler/scheduler';
import type { Grade } from '../src/domain/scheduler/types';
import { createDeck } from '../test/factories';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;
const CARDS = 10_000;
const PER_CARD = 10;
const ROUNDS = Number(process.env.ROUNDS ?? 3);

async function main() {
  const deck = createDeck({ commands: CARDS / 2, sectionCount: 10 });
  const params = normalizeParams({});
  const day = { timeZone: 'Asia/Tokyo', startHour: 4 };
  const log: RatingEvent[] = [];
  deck.cards.forEach((card, c) => {
    let s = newCardState();
    let t = NOW - 300 * DAY + c * 7919;
    for (let i = 0; i < PER_CARD; i++) {
      const rating = (i % 7 === 3 ? 1 : 3) as Grade;
      const { state, record } = rateCard(s, rating, t, params, day);
      log.push({ id: crypto.randomUUID(), type: 'rating', at: record.reviewedAt, device: 'bench', seq: log.length + 1, cardId: card.id, deckId: deck.id, durationMs: 4000, ...record });
      s = state;
      t = Math.max(state.due, t + 60_000) + ((c * 31 + i * 17) % 1000) * 60_000;
    }
  });
  const now = Math.max(...log.map((e) => e.reviewedAt)) + DAY;
  const text = serializeBackup(buildBackup(log, { device: 'bench', deckVersions: {} }, now));
  console.log(`${log.length.toLocaleString('en')} ratings over ${CARDS.toLocaleString('en')} cards, ${(text.length / 1e6).toFixed(1)} MB`);
  const validators = await loadBackupValidators();
  const db = createDb({ name: 'bench-import-phases', indexedDB: new IDBFactory(), IDBKeyRange });
  await installDecks(db, [deck], NOW);
  for (let round = 0; round < ROUNDS; round++) {
    const t: Record<string, number> = {};
    const time = <T>(name: string, f: () => T): T => {
      const t0 = performance.now();
      const out = f();
      t[name] = performance.now() - t0;
      return out;
    };
    const data = time('JSON.parse', () => JSON.parse(text) as unknown);
    time('depth', () => tooDeepAt(data));
    time('schema', () => validators.v2(data));
    time('checksum', () => backupChecksum(data as Backup));
    time('events', () => {
      for (const [e] of eventsOf(data as Backup)) if (eventProblem(e, now)) throw new Error('bad');
    });
    time('checkBackup (all)', () => checkBackup(parseBackupText(text), validators, now));
    const t0 = performance.now();
    await prepareImport(db, text, now);
    t['prepareImport (all)'] = performance.now() - t0;
    console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  }
  db.close();
}

void main();
