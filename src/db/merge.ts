// The merge engine: events already checked (a backup file's, or a batch pulled by sync) merged
// into the database. Planned first against this device in one read transaction
// (src/domain/backup/plan.ts: the set union by id, and a replay in memory of every card the new
// events touch, so an impossible log is refused before anything is written), then written.
//
// Writing. A large log is written in chunks (CHUNK_SIZE ratings per read-write transaction) so
// the page stays responsive and shows progress. Each chunk holds whole cards (every incoming
// rating and void of a card) and, in the SAME transaction, writes those cards' replayed states,
// or, for a sync catch-up's batch, lists the cards stale and keeps their states in memory until
// the catch-up ends (db/deferred-states.ts: each card written once however many batches touch
// it). So after every committed chunk each card's state is a replay of its log or listed stale:
// if the merge stops half-way (a tab closed, storage full), the device holds a smaller merge, and
// start-up replays the cards left listed. Events are keyed by id, so merging the same events
// again completes the merge and changes nothing already there. A card whose new ratings all come
// after its current state's last rating is replayed from that state (an append); any other from
// its whole live log. The other events (suspensions, lessons, quiz results, settings, flags) and
// the caches they determine are written in one last transaction. Every write re-reads what it
// depends on inside its transaction, so a plan made before the learner confirmed cannot be stale.
import { isAppend, planImport, type AppendBase, type ImportPlan } from '../domain/backup/plan';
import type { BackupFile } from '../domain/backup/validate';
import type { LearnerEvent, QuizEvent, RatingEvent, VoidEvent } from '../domain/events/types';
import { withStorage } from './errors';
import { rebuildEventCaches } from './events';
import { resetTimes } from './resets';
import { staleCards, updateStaleCards } from './stale-cards';
import type { PendingStates } from './deferred-states';
import { replayedRows, replayRows, writeChanged } from './replay-states';
import { stateFromRow } from './write-mappers';
import { quizEventOf, quizRowOf, ratingEventOf, ratingRowOf } from './event-mappers';
import type { CardStateRow, EventRow, KujiraDB, QuizResultRow, ReviewLogRow } from './schema';

/** Ratings per write transaction during an import. */
export const CHUNK_SIZE = 5000;

/** A checked file and what importing it will do. Nothing has been written yet. */
export interface PreparedImport {
  file: BackupFile;
  plan: ImportPlan;
  /** Ratings of cards this device does not have (kept: their cards may arrive with a deck). */
  unknownCardRatings: number;
}

export type ImportPhase = 'reading' | 'validating' | 'planning' | 'writing' | 'finishing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Ratings written so far, out of `total`. */
  done: number;
  total: number;
}

export type ProgressCallback = (p: ImportProgress) => void;

type KeyedTable<T> = { count(): Promise<number>; toCollection(): { primaryKeys(): Promise<unknown[]> }; bulkGet(keys: string[]): Promise<(T | undefined)[]> };

/**
 * Which of `ids` a table holds. Few ids against a big table (a sync batch against a long log): one
 * look-up each. Otherwise (a whole backup file, or a small table such as the quiz results) the
 * table's keys, which is cheaper than a look-up per id (each is a round trip to the storage
 * process, and a catch-up asks for 2,000 ids per batch in four tables).
 */
export async function heldIds<T>(table: KeyedTable<T>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  if (ids.length * 4 < (await table.count())) {
    const rows = await table.bulkGet([...ids]);
    return ids.filter((_, i) => rows[i] !== undefined);
  }
  const keys = new Set((await table.toCollection().primaryKeys()) as string[]);
  return ids.filter((id) => keys.has(id));
}

/** An event by id, with the origin it states (the [device+seq] index of every event table). */
export interface OriginRef {
  id: string;
  device?: string;
  seq?: number;
}

/**
 * The rows a table holds with the id and origin of one of `refs`, one index range per device
 * (a batch's events of one device are a short run of its counter), where a look-up per id is a
 * round trip to the storage process each. A row held under another origin than its ref states is
 * missed: callers that must know every id held (a merge) add the rest with `add`, which refuses
 * an id already there. Refs without an origin, or a device's refs scattered over its counter,
 * are looked up by id.
 */
export async function heldByOrigin<T extends { id: string }>(table: KeyedTable<T> & { where(index: string): { between(lower: unknown, upper: unknown, includeLower: boolean, includeUpper: boolean): { toArray(): Promise<T[]> } } }, refs: readonly OriginRef[]): Promise<T[]> {
  const runs = new Map<string, { lo: number; hi: number; ids: string[] }>();
  const byId: string[] = [];
  for (const r of refs) {
    if (r.device === undefined || r.seq === undefined) byId.push(r.id);
    else {
      const run = runs.get(r.device);
      if (run) {
        run.lo = Math.min(run.lo, r.seq);
        run.hi = Math.max(run.hi, r.seq);
        run.ids.push(r.id);
      } else runs.set(r.device, { lo: r.seq, hi: r.seq, ids: [r.id] });
    }
  }
  for (const [device, run] of runs) {
    if (run.hi - run.lo <= 4 * run.ids.length + 100) continue;
    byId.push(...run.ids);
    runs.delete(device);
  }
  const wanted = new Set(refs.map((r) => r.id));
  const [ranges, rows] = await Promise.all([
    Promise.all([...runs].map(([device, { lo, hi }]) => table.where('[device+seq]').between([device, lo], [device, hi], true, true).toArray())),
    overlap(table, byId),
  ]);
  return [...ranges.flat().filter((r) => wanted.has(r.id)), ...rows];
}

/** The rows of `ids` a table holds (read only for the ids it holds). */
async function overlap<T>(table: KeyedTable<T>, ids: readonly string[]): Promise<T[]> {
  const both = await heldIds(table, ids);
  if (both.length === 0) return [];
  return (await table.bulkGet(both)).filter((r): r is Awaited<T> & T => r !== undefined);
}

/**
 * Each card's append base (its current state), for cards that have a state and no reset (a reset
 * makes the state a replay of part of the log only) and whose stored state does not lag its log
 * (`lagging`: listed stale by a catch-up, and not replayed by this one). From rows already read:
 * none of the log is.
 */
function appendBases(rows: readonly (CardStateRow | undefined)[], resets: ReadonlyMap<string, number>, lagging: (cardId: string) => boolean = () => false): Map<string, AppendBase> {
  const out = new Map<string, AppendBase>();
  for (const row of rows) if (row && !resets.has(row.cardId) && !lagging(row.cardId)) out.set(row.cardId, stateFromRow(row));
  return out;
}

/**
 * The current rows of `cardIds`: the pending state of a card a catch-up replayed, else the stored
 * row (read only for the others, with `readRows`: a look-up each unless told). Also returns the
 * stored rows read, and which cards lag.
 */
async function currentRows(
  db: KujiraDB,
  cardIds: readonly string[],
  pending: PendingStates | undefined,
  readRows: (db: KujiraDB, cardIds: readonly string[]) => Promise<(CardStateRow | undefined)[]> = (d, ids) => d.cardStates.bulkGet([...ids]),
): Promise<{ rows: (CardStateRow | undefined)[]; stored: CardStateRow[]; stale: Set<string>; lagging: (cardId: string) => boolean }> {
  const toRead = pending ? cardIds.filter((c) => pending.get(c) === undefined) : cardIds;
  const [read, stale] = await Promise.all([readRows(db, toRead), staleCards(db)]);
  const stored = new Map(read.flatMap((r) => (r ? [[r.cardId, r] as const] : [])));
  const rows = cardIds.map((c) => pending?.get(c) ?? stored.get(c));
  return { rows, stored: [...stored.values()], stale, lagging: (c) => stale.has(c) && pending?.get(c) === undefined };
}

/**
 * The state rows of `cardIds`, for a plan: when they are most of the table (a whole backup into a
 * device that holds its cards), one sweep of the table, which in Chromium costs a fraction of a
 * look-up per card (10,000 look-ups took about 0.4 s); otherwise a look-up each.
 */
async function stateRowsForPlan(db: KujiraDB, cardIds: readonly string[]): Promise<(CardStateRow | undefined)[]> {
  if (cardIds.length === 0) return [];
  if (cardIds.length * 2 < (await db.cardStates.count())) return db.cardStates.bulkGet([...cardIds]);
  const byId = new Map<string, CardStateRow>();
  for (const row of await db.cardStates.toArray()) byId.set(row.cardId, row);
  return cardIds.map((c) => byId.get(c));
}

/** Group ratings by card. */
function byCardId<T extends { cardId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of items) {
    const list = out.get(r.cardId);
    if (list) list.push(r);
    else out.set(r.cardId, [r]);
  }
  return out;
}

/** Local ratings (live and voided) of the given cards. */
async function ratingsOfCards(db: KujiraDB, cardIds: readonly string[]): Promise<Map<string, RatingEvent[]>> {
  const out = new Map<string, RatingEvent[]>();
  if (cardIds.length === 0) return out;
  const wanted = new Set(cardIds);
  // Few cards: one index range each. Many: one sweep (a range per card is slower past a few hundred).
  const rows: ReviewLogRow[] =
    cardIds.length > 500
      ? (await db.reviewLog.toArray()).filter((r) => wanted.has(r.cardId))
      : (await Promise.all(cardIds.map((id) => db.reviewLog.where('cardId').equals(id).toArray()))).flat();
  rows.push(...(await db.voidedRatings.where('cardId').anyOf([...cardIds]).toArray()));
  for (const r of rows) {
    const list = out.get(r.cardId);
    if (list) list.push(ratingEventOf(r));
    else out.set(r.cardId, [ratingEventOf(r)]);
  }
  return out;
}

/**
 * Plan merging checked events (a file's, or a batch pulled by sync) into the database, in one
 * read transaction. Throws BackupValidationError ('conflict', 'replay') with the path of the
 * event at fault, and writes nothing.
 */
export function planMerge(db: KujiraDB, file: BackupFile, pending?: PendingStates): Promise<PreparedImport> {
  // A catch-up's batch finds the log's rows it holds by origin: its ratings are added with `add`
  // (applyImport), which refuses any id held under another origin, so none is overwritten.
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.voidedRatings, db.events, db.quizResults, db.cardStates, db.meta], async () => {
      const ids = file.events.map((e) => e.id);
      const [live, voidedRows, others, quiz, voids] = await Promise.all([
        pending ? heldByOrigin<ReviewLogRow>(db.reviewLog, file.events) : overlap<ReviewLogRow>(db.reviewLog, ids),
        overlap<ReviewLogRow>(db.voidedRatings, ids),
        overlap<EventRow>(db.events, ids),
        overlap<QuizResultRow>(db.quizResults, ids),
        db.events.where('type').equals('void').toArray() as Promise<VoidEvent[]>,
      ]);
      const here = new Map<string, LearnerEvent>();
      for (const r of [...live, ...voidedRows]) here.set(r.id, ratingEventOf(r));
      for (const e of others) here.set(e.id, e as LearnerEvent);
      for (const q of quiz) here.set(q.id, quizEventOf(q));
      // Cards the file's NEW events touch: their local logs are replayed with them in the plan.
      const fresh = file.events.filter((e) => !here.has(e.id));
      const touched = new Set<string>();
      /** Cards whose log a new void or reset rewrites: never an append. */
      const rewritten = new Set<string>();
      for (const e of fresh) {
        if (e.type === 'rating' || e.type === 'suspend' || e.type === 'reset') touched.add(e.cardId);
        if (e.type === 'reset') rewritten.add(e.cardId);
      }
      const incomingVoidTargets = fresh.filter((e): e is VoidEvent => e.type === 'void').map((e) => e.target);
      for (const r of await db.reviewLog.bulkGet(incomingVoidTargets)) {
        if (!r) continue;
        touched.add(r.cardId);
        rewritten.add(r.cardId);
      }
      const freshRatingList = fresh.filter((e): e is RatingEvent => e.type === 'rating');
      // The new ratings' cards by id, for new voids only (a file without voids needs none).
      if (incomingVoidTargets.length > 0) {
        const cardOfFresh = new Map(freshRatingList.map((r) => [r.id, r.cardId]));
        for (const target of incomingVoidTargets) {
          const cardId = cardOfFresh.get(target);
          if (cardId !== undefined) rewritten.add(cardId);
        }
      }
      const freshRatings = byCardId(freshRatingList);
      const { rows: touchedRows, lagging } = await currentRows(db, [...touched], pending, stateRowsForPlan);
      const bases = appendBases(touchedRows, await resetTimes(db), lagging);
      // Only the cards that are not an append have their whole log read.
      const local = await ratingsOfCards(db, [...touched].filter((c) => !isAppend(bases.get(c), freshRatings.get(c) ?? [], rewritten.has(c))));
      const plan = planImport(file, {
        get: (id) => here.get(id),
        ratingsOf: (cardId) => local.get(cardId) ?? [],
        voided: new Set(voids.map((v) => v.target)),
        appendBase: (cardId) => bases.get(cardId),
      });
      // Every new rating's card is a touched one: its state row, if any, was read above.
      const known = new Set(touchedRows.flatMap((r) => (r ? [r.cardId] : [])));
      return { file, plan, unknownCardRatings: plan.toAdd.filter((e) => e.type === 'rating' && !known.has(e.cardId)).length };
    }),
  );
}

/** Replay the states of `cardIds` from their live log (call inside a rw transaction). */
async function replayCards(db: KujiraDB, cardIds: readonly string[]): Promise<void> {
  if (cardIds.length === 0) return;
  await replayRows(db, await db.cardStates.bulkGet([...cardIds]), await resetTimes(db));
}

/** Ratings and voids grouped into chunks of about `size` ratings that never split a card. */
function chunksByCard(ratings: readonly RatingEvent[], voidsByCard: ReadonlyMap<string, VoidEvent[]>, size: number): { cards: string[]; ratings: RatingEvent[]; voids: VoidEvent[] }[] {
  const byCard = byCardId(ratings);
  for (const c of voidsByCard.keys()) if (!byCard.has(c)) byCard.set(c, []);
  const out: { cards: string[]; ratings: RatingEvent[]; voids: VoidEvent[] }[] = [];
  let cur = { cards: [] as string[], ratings: [] as RatingEvent[], voids: [] as VoidEvent[] };
  for (const cardId of [...byCard.keys()].sort()) {
    if (cur.ratings.length + cur.voids.length >= size) {
      out.push(cur);
      cur = { cards: [], ratings: [], voids: [] };
    }
    cur.cards.push(cardId);
    cur.ratings.push(...byCard.get(cardId)!);
    cur.voids.push(...(voidsByCard.get(cardId) ?? []));
  }
  if (cur.cards.length > 0) out.push(cur);
  return out;
}

export interface ImportResult {
  plan: ImportPlan;
  /** Write transactions used for the log. */
  chunks: number;
}

/** Write a prepared import (see the header for how chunks stay consistent). */
export async function applyImport(
  db: KujiraDB,
  prepared: PreparedImport,
  onProgress: ProgressCallback = () => {},
  options: {
    chunkSize?: number;
    countAsImport?: boolean;
    /**
     * A catch-up's batch: the states are replayed into `pending` and the cards listed stale, not
     * written (db/deferred-states.ts); the caller settles them.
     */
    pending?: PendingStates;
    /** The plan found the log's rows by origin only (planMerge with `pending`): ratings are added with `add`, never over a row. */
    addOnly?: boolean;
  } = {},
): Promise<ImportResult> {
  const { plan } = prepared;
  const ratings = plan.toAdd.filter((e): e is RatingEvent => e.type === 'rating');
  const voids = plan.toAdd.filter((e): e is VoidEvent => e.type === 'void');
  const rest = plan.toAdd.filter((e) => e.type !== 'rating' && e.type !== 'void');
  // Each void goes with its target's card: a target in the file, or one stored here.
  const cardOf = new Map(ratings.map((r) => [r.id, r.cardId]));
  const localTargets = voids.filter((v) => !cardOf.has(v.target)).map((v) => v.target);
  const stored = await withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.voidedRatings], async () => [...(await db.reviewLog.bulkGet(localTargets)), ...(await db.voidedRatings.bulkGet(localTargets))]),
  );
  for (const r of stored) if (r) cardOf.set(r.id, r.cardId);
  const voidsByCard = new Map<string, VoidEvent[]>();
  const orphanVoids: VoidEvent[] = [];
  for (const v of voids) {
    const card = cardOf.get(v.target);
    if (card === undefined) orphanVoids.push(v);
    else voidsByCard.set(card, [...(voidsByCard.get(card) ?? []), v]);
  }
  const chunks = chunksByCard(ratings, voidsByCard, options.chunkSize ?? CHUNK_SIZE);
  const { pending } = options;
  const total = ratings.length;
  let done = 0;
  onProgress({ phase: 'writing', done, total });
  for (const chunk of chunks) {
    const replayed = await withStorage(db, () =>
      db.transaction('rw', [db.reviewLog, db.voidedRatings, db.events, db.cardStates, db.meta], async () => {
        // Voids are few: the whole set is read (one index range) rather than looked up per rating.
        const voidedHere = new Set((await db.events.where('type').equals('void').toArray()).map((v) => (v as VoidEvent).target));
        for (const v of chunk.voids) voidedHere.add(v.target);
        // Read before the writes: which cards' new ratings all come after their stored log.
        const liveRatings = chunk.ratings.filter((r) => !voidedHere.has(r.id));
        // The chunk writes no state row before its replay: the rows read here are still current.
        const [{ rows, stored, stale, lagging }, resets] = await Promise.all([currentRows(db, chunk.cards, pending), resetTimes(db)]);
        const bases = appendBases(rows, resets, lagging);
        const voidedCards = new Set(chunk.voids.map((v) => cardOf.get(v.target)));
        const liveByCard = byCardId(liveRatings);
        const appended = new Map<string, RatingEvent[]>();
        for (const cardId of chunk.cards) {
          const incoming = liveByCard.get(cardId) ?? [];
          if (isAppend(bases.get(cardId), incoming, voidedCards.has(cardId))) appended.set(cardId, incoming);
        }
        const live = liveRatings.map(ratingRowOf);
        const dead = chunk.ratings.filter((r) => voidedHere.has(r.id)).map(ratingRowOf);
        // Ratings stored here that a void of the file takes back move out of the live log.
        const moved = (await db.reviewLog.bulkGet(chunk.voids.map((v) => v.target))).filter((r): r is ReviewLogRow => r !== undefined);
        if (moved.length > 0) {
          await db.reviewLog.bulkDelete(moved.map((r) => r.id));
          dead.push(...moved);
        }
        // A catch-up's plan found the log's rows it holds by origin only (planMerge): `add` refuses
        // an id held under another, and the chunk is undone rather than overwrite it.
        if (options.addOnly) await db.reviewLog.bulkAdd(live);
        else await db.reviewLog.bulkPut(live);
        await db.voidedRatings.bulkPut(dead);
        await db.events.bulkPut(chunk.voids);
        const next = await replayedRows(db, rows, resets, appended);
        if (pending) await updateStaleCards(db, { added: next.keys() }, stale);
        else await writeChanged(db, rows, next);
        return { next, stored };
      }),
    );
    // Kept once the chunk is on disk: an aborted chunk leaves nothing behind here either.
    pending?.keep(replayed.next, replayed.stored);
    done += chunk.ratings.length;
    onProgress({ phase: 'writing', done, total });
  }
  onProgress({ phase: 'finishing', done, total });
  const countsAsImport = plan.toAdd.length > 0 && options.countAsImport !== false;
  // A sync batch of ratings and voids only changes none of the caches below: no transaction that
  // reads every card state for nothing (once per batch of a catch-up).
  if (countsAsImport || orphanVoids.length > 0 || rest.length > 0) await finishImport(db, rest, orphanVoids, countsAsImport);
  onProgress({ phase: 'done', done, total });
  return { plan, chunks: chunks.length };
}

/** The events other than ratings and voids, and the caches they determine, in one transaction. */
function finishImport(db: KujiraDB, rest: readonly LearnerEvent[], orphanVoids: readonly VoidEvent[], countsAsImport: boolean): Promise<void> {
  return withStorage(db, () =>
    db.transaction('rw', [db.reviewLog, db.voidedRatings, db.cardStates, db.quizResults, db.onboarding, db.settings, db.events, db.meta], async () => {
      // Live sync sends everything again after an import that added events (they are not this
      // device's own, so its per-device cursor would never reach them): count such imports.
      if (countsAsImport) {
        const row = await db.meta.get('imports');
        await db.meta.put({ key: 'imports', value: (row?.key === 'imports' ? row.value : 0) + 1 });
      }
      if (orphanVoids.length > 0) await db.events.bulkPut(orphanVoids);
      const quiz = rest.filter((e): e is QuizEvent => e.type === 'quiz').map(quizRowOf);
      if (quiz.length > 0) await db.quizResults.bulkPut(quiz);
      const others = rest.filter((e) => e.type !== 'quiz') as EventRow[];
      if (others.length > 0) await db.events.bulkPut(others);
      // Cards the file sends back to learning start again from their reset.
      const resetCards = [...new Set(others.filter((e) => e.type === 'reset').map((e) => (e as { cardId: string }).cardId))];
      await replayCards(db, resetCards);
      await rebuildEventCaches(db);
    }),
  );
}
