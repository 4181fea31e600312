// The face of src/db: everything the rest of the app may use of the database, in domain types.
// Lint (eslint.config.js) allows no other file of src/db to be imported from outside it.
// One API style: writes and one-off reads are methods of a `<record>Repository` object (the open
// database is theirs, the caller passes `now`); live reads are `use<Thing>` hooks that return
// undefined while loading. Rows, mappers and the connection stay inside.
//
// Only re-exports of side-effect-free modules (package.json "sideEffects"), so that a route
// importing this face takes only the modules it uses: the first visit's shell does not load the
// scheduler, the deck matcher or the backup code because a lazy screen's repository is listed here.

// Live reads.
export { useSettings, useTodayQueue, useStreak, useNextDue, useDatabaseStatus } from './hooks';
export { useCardStates } from './card-browser-hooks';
export { useCardState, useCardInfo, useCardStatesByIds, useDayLoad } from './card-hooks';
export { useQuizResults } from './quiz-hooks';
export { useStoredDecks, type StoredDeckSummary } from './stored-deck-hooks';
export { useWelcomeSeen, useOnboardingProgress } from './onboarding-hooks';
export { useLessonsPassed } from './team-hooks';


// Repositories.
export { reviewRepository } from './reviews';
export { settingsRepository } from './settings';
export { onboardingRepository } from './onboarding';
export { quizRepository, type SaveQuizResultOutcome } from './quiz-results';
export { RETENTION_WINDOW_DAYS, statsRepository, type StatsSnapshot } from './stats';
export { optimizerRepository, type OptimizerSnapshot } from './optimizer';
export { storedDeckRepository } from './stored-decks';
export { teamRepository, type TeamCache, type TeamConfig, type TeamDashboardCache } from './team-store';
export { teamMembershipRepository } from './team-membership';
export { syncRepository } from './sync-repository';
export { syncConfigRepository, type SyncConfig } from './sync-config';
export { backupRepository, type ImportProgress, type PreparedImport } from './backup/repository';
export { repairRepository, type RepairReport } from './repair-repository';

// The repositories the app shell needs before any screen (start-up's repair, safe mode's export),
// loaded when called: they bring the scheduler and the backup code, which the first visit does not.
export { loadRepairRepository } from './load-on-demand';
export { loadBackupRepository } from './backup/load-on-demand';

// Start-up and errors.
export { installDevice } from './device';
export { openDatabaseEarly } from './database';
export { StorageError } from './errors';
