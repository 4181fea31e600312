// Runs in Chromium (served by Vite, driven by bench/import-browser.ts): the first phase of an
// import (read the file, check it whole, plan the merge) for the backup bench/browser/rebuild.ts
// imports (100,000 ratings over 10,000 cards, format 2) into a database holding only the cards,
// several rounds; nothing is written. Its write phase is measured by bench/rebuild-browser.ts.
import { prepareImport } from '../../src/db/backup/import';
import { createDb } from '../../src/db/database';
import { backupTextOf, CARDS, yearOfRatings } from './year-of-ratings';
import { publishResult } from './publish-result';

const ROUNDS = Number(new URLSearchParams(location.search).get('rounds') ?? 3);

async function run() {
  const { log, staleStates: cards, after: now } = yearOfRatings();
  const text = backupTextOf(log);
  const target = createDb({ name: `kujira-bench-import-${Date.now()}` });
  await target.cardStates.bulkAdd(cards);
  const prepareMs: number[] = [];
  // Seen by bench/import-browser.ts when it records a CPU profile: the rounds only, not the set-up.
  console.profile('prepare');
  for (let i = 0; i < ROUNDS; i++) {
    // A new Blob each round, as a file the learner picks: its text is read every time.
    const file = new Blob([text]);
    const t0 = performance.now();
    const prepared = await prepareImport(target, file, now);
    prepareMs.push(performance.now() - t0);
    if (prepared.plan.added.rating !== log.length) throw new Error(`planned ${prepared.plan.added.rating} ratings`);
  }
  console.profileEnd('prepare');
  target.close();
  await target.delete();
  return { prepareMs, entries: log.length, cards: CARDS, fileMb: text.length / 1e6 };
}

publishResult(run());
