// A consistent read of every piece of progress (one read transaction), for the statistics page.
import { withStorage } from '../errors';
import type { CardStateRow, DeckRow, KujiraDB, OnboardingRow, QuizResultRow, ReviewLogRow, SettingsRow } from '../schema';

/** Every piece of progress, read in one transaction (a consistent snapshot). */
export interface ProgressSnapshot {
  /** The live ratings (voided ones are not progress). */
  reviewLog: ReviewLogRow[];
  cardStates: CardStateRow[];
  quizResults: QuizResultRow[];
  onboarding: OnboardingRow[];
  settings: SettingsRow | undefined;
  decks: DeckRow[];
}

export function readProgressSnapshot(db: KujiraDB): Promise<ProgressSnapshot> {
  return withStorage(db, () =>
    db.transaction('r', [db.reviewLog, db.cardStates, db.quizResults, db.onboarding, db.settings, db.decks], async () => {
      const [reviewLog, cardStates, quizResults, onboarding, settings, decks] = await Promise.all([
        db.reviewLog.orderBy('[cardId+reviewedAt]').toArray(),
        db.cardStates.toArray(),
        db.quizResults.orderBy('startedAt').toArray(),
        db.onboarding.toArray(),
        db.settings.get('settings'),
        db.decks.toArray(),
      ]);
      return { reviewLog, cardStates, quizResults, onboarding, settings, decks };
    }),
  );
}
