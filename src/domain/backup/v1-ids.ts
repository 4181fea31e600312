// Ids of the events a version-1 backup's rows become. Kept apart from v1-events.ts so the database
// schema (its version-8 upgrade names suspensions this way) does not pull the backup code into the
// first-visit bundle.
export const v1LessonId = (deckId: string, lessonId: string) => `v1-lesson:${deckId}:${lessonId}`;
export const v1SuspendId = (cardId: string) => `v1-suspend:${cardId}`;
