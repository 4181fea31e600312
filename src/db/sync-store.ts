// The device's event log as the sync engine sees it: the domain's LocalEventStore port
// (src/domain/events/event-store.ts), implemented over IndexedDB (src/db does not import the engine). Pushing reads this device's own events by its event
// counter (the [device+seq] index of every event table); everything else here (imported events,
// events pulled from another database) is sent by a sweep over every table, when a database is
// new to this device or after an import added events. Pulled events are merged exactly like a
// backup import's (planMerge + applyImport: union by id, replay of the cards they touch, in
// transactions that keep events and states together); an event that conflicts with one here or
// cannot be replayed is refused and handed back for the quarantine, the rest of its batch applied.
import Dexie from 'dexie';
import { BackupValidationError, type BackupFile } from '../domain/backup/validate';
import type { DeckSourceFile } from '../domain/deck/deck-files';
import { formatDeckError } from '../domain/deck/errors';
import { storableDeckIdProblem } from '../domain/deck/deck-owner';
import { canonicalFilesKey, compareDeckVersions, type DeckVersionKey } from '../domain/deck/deck-versions';
import { saveStoredDeck } from './stored-decks';
import type { LearnerEvent } from '../domain/events/types';
import type { LocalEventStore, QuarantinedEvent, StoredEvent, SyncDeckSource } from '../domain/events/event-store';
import { applyImport, heldByOrigin, planMerge } from './merge';
import { DeferredStates } from './deferred-states';
import { withStorage } from './errors';
import { quizEventOf, ratingEventOf } from './event-mappers';
import type { EventRow, KujiraDB, QuizResultRow, ReviewLogRow, StoredDeckRow } from './schema';
import { deviceId } from './stamp';

const TABLES = ['reviewLog', 'voidedRatings', 'events', 'quizResults'] as const;
type EventTable = (typeof TABLES)[number];

function eventOfRow(table: EventTable, row: unknown): LearnerEvent {
  if (table === 'reviewLog' || table === 'voidedRatings') return ratingEventOf(row as ReviewLogRow);
  if (table === 'quizResults') return quizEventOf(row as QuizResultRow);
  return row as EventRow;
}

const versionKey = (d: SyncDeckSource): DeckVersionKey => ({ version: d.version ?? 0, content: canonicalFilesKey(d.files) });
const storedVersionKey = (r: StoredDeckRow): DeckVersionKey => ({ version: r.version ?? 0, content: canonicalFilesKey(r.files) });

/** Limits on a pulled deck: a memo is a few tens of KB; these leave room and refuse abuse. */
const MAX_DECK_FILES = 8;
const MAX_DECK_FILE_CHARS = 1_000_000;

/** The files of a pulled deck, or what is wrong with them. */
function deckFilesOf(files: unknown[]): DeckSourceFile[] | string {
  if (files.length === 0 || files.length > MAX_DECK_FILES) return `a deck has 1 to ${MAX_DECK_FILES} files, not ${files.length}`;
  const out: DeckSourceFile[] = [];
  for (const [i, f] of files.entries()) {
    const x = f as Partial<DeckSourceFile> | null;
    if (x === null || typeof x !== 'object' || typeof x.path !== 'string' || typeof x.text !== 'string') return `files[${i}] is not a file`;
    if (x.path.length > 200 || x.text.length > MAX_DECK_FILE_CHARS) return `files[${i}] is too large`;
    if (x.role !== undefined && x.role !== 'memo' && x.role !== 'notes') return `files[${i}].role is not memo or notes`;
    if (x.lang !== undefined && x.lang !== 'ja' && x.lang !== 'en') return `files[${i}].lang is not ja or en`;
    out.push({ path: x.path, text: x.text, ...(x.role ? { role: x.role } : {}), ...(x.lang ? { lang: x.lang } : {}) });
  }
  return out;
}

/** The merge's two halves as User Timing measures (bench/sync-browser.ts prints them beside the pull's, src/sync/sync-timing.ts). */
const MERGE_MEASURE = { plan: 'kujira:sync:plan', write: 'kujira:sync:write' } as const;

/** The sync engine's event store (the domain's port), every optional part implemented. */
export type SyncEventStore = Required<LocalEventStore<LearnerEvent>>;

/** The sync store over `db`. */
export function syncEventStore(db: KujiraDB): SyncEventStore {
  /** A catch-up's states, written when it ends (settlePulled). */
  const deferred = new DeferredStates();
  const store: SyncEventStore = {
    async readSince(seq, limit) {
      return withStorage(db, () =>
        db.transaction('rw', [...TABLES.map((t) => db[t]), db.meta], async () => {
          const me = await deviceId(db);
          const counter = await db.meta.get('seq');
          const lastSeq = counter?.key === 'seq' ? counter.value : 0;
          const found: StoredEvent<LearnerEvent>[] = [];
          for (const t of TABLES) {
            const rows = (await db[t].where('[device+seq]').between([me, seq + 1], [me, Dexie.maxKey], true, true).limit(limit).toArray()) as { seq: number }[];
            for (const r of rows) found.push({ seq: r.seq, event: eventOfRow(t, r), source: null });
          }
          found.sort((a, b) => a.seq - b.seq);
          return { events: found.slice(0, limit), lastSeq };
        }),
      );
    },

    async sweepToken() {
      const row = await withStorage(db, () => db.meta.get('imports'));
      return `imports:${row?.key === 'imports' ? row.value : 0}`;
    },

    async readAll(cursor, limit) {
      // The cursor is `<table index>|<last primary key read>`; tables in TABLES order.
      let ti = 0;
      let after: string | null = null;
      if (cursor) {
        const bar = cursor.indexOf('|');
        ti = Number(cursor.slice(0, bar));
        after = cursor.slice(bar + 1);
      }
      const events: LearnerEvent[] = [];
      while (ti < TABLES.length && events.length < limit) {
        const t = TABLES[ti]!;
        // The four tables differ only in row type here: read as plain rows by primary key.
        const table = db.table<{ id: string }, string>(t);
        const from = after;
        const rows = await withStorage(db, () => (from === null ? table.orderBy(':id') : table.where(':id').above(from)).limit(limit - events.length).toArray());
        for (const r of rows) events.push(eventOfRow(t, r));
        if (rows.length > 0) after = rows[rows.length - 1]!.id;
        if (events.length < limit) {
          ti += 1;
          after = null;
        }
      }
      return { events, next: ti < TABLES.length ? `${ti}|${after ?? ''}` : null };
    },

    async addPulled(events, source, options = {}) {
      // Only batches of ratings are deferred: any other event (a void, a reset, a suspension, a
      // setting) is merged the usual way, on states brought up to date first.
      const pending = options.deferStates === true && events.every((e) => e.type === 'rating') ? deferred : undefined;
      if (!pending && deferred.size > 0) await deferred.settle(db);
      let remaining = events;
      const rejected: { id: string; reason: string }[] = [];
      while (remaining.length > 0) {
        const file: BackupFile = { version: 2, exportedAt: '', events: remaining, paths: remaining.map((_, i) => `$[${i}]`), deckVersions: {} };
        try {
          const t = performance.now();
          const prepared = await planMerge(db, file, pending);
          const planned = performance.now();
          performance.measure(MERGE_MEASURE.plan, { start: t, end: planned });
          await applyImport(db, prepared, undefined, { countAsImport: false, ...(pending ? { pending, addOnly: true } : {}) });
          performance.measure(MERGE_MEASURE.write, { start: planned, end: performance.now() });
          return { added: prepared.plan.toAdd.length, rejected };
        } catch (e) {
          if (pending && e instanceof Dexie.BulkError) {
            // An id the batch thought new is held under another origin: nothing of the batch was
            // written; it is merged again the exact way, every id looked up (a conflict refused).
            return store.addPulled(remaining, source, {}).then((r) => ({ added: r.added, rejected: [...rejected, ...r.rejected] }));
          }
          if (!(e instanceof BackupValidationError)) throw e;
          // The event at fault is refused; the rest of the batch is planned again without it.
          const at = /^\$\[(\d+)\]/.exec(e.path);
          if (!at) {
            for (const ev of remaining) rejected.push({ id: ev.id, reason: e.detail });
            return { added: 0, rejected };
          }
          const i = Number(at[1]);
          rejected.push({ id: remaining[i]!.id, reason: e.detail });
          remaining = remaining.filter((_, j) => j !== i);
        }
      }
      return { added: 0, rejected };
    },

    async settlePulled() {
      await deferred.settle(db);
    },

    async knownIds(refs) {
      // By origin: one index range per device and table instead of a look-up per id (see
      // heldByOrigin). An id held under another origin is missed, which is safe: it is checked,
      // and the merge's plan finds it.
      return withStorage(db, () =>
        db.transaction('r', TABLES.map((t) => db[t]), async () => {
          const held = await Promise.all(TABLES.map((t) => heldByOrigin(db.table<{ id: string }, string>(t), refs)));
          return new Set(held.flat().map((r) => r.id));
        }),
      );
    },

    async quarantine(items) {
      await withStorage(db, () =>
        db.transaction('rw', db.syncQuarantine, async () => {
          for (const q of items) {
            // A refusal is listed once; a hold once while it waits (a held document refused when
            // its time came gets its refusal row beside the hold, which is then released).
            const held = q.until !== undefined;
            const here = await db.syncQuarantine.where('[docId+rev]').equals([q.docId, q.rev]).filter((r) => (r.until !== undefined) === held).count();
            if (here === 0) await db.syncQuarantine.add({ ...q });
          }
        }),
      );
    },

    async heldDue(now) {
      const rows = await withStorage(db, () => db.syncQuarantine.where('until').belowOrEqual(now).limit(500).toArray());
      return rows.flatMap((r) => {
        if (r.n === undefined) return [];
        let doc: unknown = null;
        try {
          doc = r.doc === undefined ? null : (JSON.parse(r.doc) as unknown);
        } catch {
          // Not JSON any more: released as "not a document", so it never blocks the list.
        }
        return [{ key: r.n, docId: r.docId, rev: r.rev, doc }];
      });
    },

    async releaseHeld(keys) {
      await withStorage(db, () => db.syncQuarantine.bulkDelete(keys));
    },

    async nextHeld() {
      const first = await withStorage(db, () => db.syncQuarantine.orderBy('until').first());
      return first?.until ?? null;
    },

    async getCheckpoint(key) {
      return (await withStorage(db, () => db.syncState.get(`checkpoint:${key}`)))?.value ?? null;
    },

    async setCheckpoint(key, value) {
      await withStorage(db, () => db.syncState.put({ key: `checkpoint:${key}`, value }));
    },

    async deckSources() {
      const rows = await withStorage(db, () => db.storedDecks.toArray());
      return rows.map((r) => ({ id: r.id, at: r.updatedAt, ...(r.version ? { version: r.version } : {}), files: r.files.map((f) => ({ ...f })) }));
    },

    async deckToken() {
      const rows = await withStorage(db, () => db.storedDecks.toArray());
      return `decks:${rows.map((r) => `${r.id}@${r.updatedAt}v${r.version ?? 0}`).join(',')}`;
    },

    async addDeckSources(decks) {
      const rejected: { id: string; reason: string }[] = [];
      // The newest version of each deck wins: by its version counter (a newer publish or update
      // always counts higher), ties by content, never by a device's clock (deck-versions.ts).
      const newest = new Map<string, SyncDeckSource>();
      for (const d of decks) {
        const have = newest.get(d.id);
        if (!have || compareDeckVersions(versionKey(d), versionKey(have)) > 0) newest.set(d.id, d);
      }
      for (const d of newest.values()) {
        // The compiler (and its Markdown parser) loads only when a deck arrives.
        const { compileDeck } = await import('../domain/deck/compile-deck');
        // A built-in deck's id is never taken by a synced deck (the owner rule, deck-owner.ts).
        const owner = storableDeckIdProblem(d.id, { kind: 'learner' });
        if (owner) {
          rejected.push({ id: d.id, reason: owner.message });
          continue;
        }
        const files = deckFilesOf(d.files);
        if (typeof files === 'string') {
          rejected.push({ id: d.id, reason: files });
          continue;
        }
        const here = await withStorage(db, () => db.storedDecks.get(d.id));
        if (here && compareDeckVersions(versionKey(d), storedVersionKey(here)) <= 0) continue;
        // The same compiler as adding a deck in the app: a memo that does not compile is refused.
        const compiled = compileDeck({ id: d.id, dir: d.id, files });
        if (!compiled.deck) {
          rejected.push({ id: d.id, reason: compiled.errors.slice(0, 3).map(formatDeckError).join('; ') });
          continue;
        }
        // Stamped with the version's own time and counter, so every device holds the same version.
        await saveStoredDeck(db, compiled.deck, files, d.at, { version: d.version ?? 0 });
      }
      return { rejected };
    },

    onLocalEvent(listener) {
      // Every local event and every import that adds events bumps a counter in `meta` (its own
      // transaction's write); pulled events do not. A deck added or updated writes storedDecks.
      // Dexie reports writes from other tabs too.
      const prefixes = [`idb://${db.name}/meta/`, `idb://${db.name}/storedDecks/`];
      const onChange = (parts: Record<string, unknown>) => {
        if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) listener();
      };
      Dexie.on('storagemutated', onChange);
      return () => Dexie.on('storagemutated').unsubscribe(onChange);
    },
  };
  return store;
}

/** Events refused by sync, newest first (at most `limit`). */
export async function quarantinedEvents(db: KujiraDB, limit = 50): Promise<QuarantinedEvent[]> {
  return withStorage(db, async () => (await db.syncQuarantine.reverse().limit(limit).toArray()).map(({ n: _n, ...q }) => q));
}

/** How many events sync has refused on this device. */
export function quarantineCount(db: KujiraDB): Promise<number> {
  return withStorage(db, () => db.syncQuarantine.count());
}
