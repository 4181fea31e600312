// The team page's User Timing measures, read by bench/team-browser.ts: where the lead's dashboard
// spends its time in the browser (pulling the summaries, compiling the decks, aggregating).
// Entries in this page's own performance timeline; nothing is sent anywhere.
export const TEAM_MEASURE = {
  /** One refresh with the team database (content, decks, summary, the members' summaries, saving). */
  refresh: 'kujira:team:refresh',
  /** The lead's pull of the members' newest summaries (two `_all_docs`). */
  pull: 'kujira:team:pull-summaries',
  /** The pulled summaries written to this device (the dashboard shown offline). */
  save: 'kujira:team:save-dashboard',
  /** The decks the dashboard reads, compiled (dashboardDecks). */
  decks: 'kujira:team:dashboard-decks',
  /** buildDashboard: members' rows and weak spots. */
  aggregate: 'kujira:team:aggregate',
} as const;

/** Records `name` from `start` (performance.now()) to now. */
export function measureSince(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
}
