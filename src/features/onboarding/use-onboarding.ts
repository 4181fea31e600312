// Onboarding hooks over the repositories: the deck and its lessons for a route, and the writes
// (resume point, unlock all, welcome flag) with failures reported to the shell's error banner.
import { useCallback, useMemo } from 'react';
import { onboardingRepository } from '../../db';
import { buildLessons, type Lesson } from '../../domain/onboarding/lessons';
import { resumePoint } from '../../domain/onboarding/progress';
import type { Deck } from '../../domain/deck/types';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';
import { useDecks } from '../../hooks/use-decks';

export interface DeckPath {
  deck: Deck;
  lessons: Lesson[];
}

/** The deck asked for (null: unknown id) and its lessons; with no id, the only deck if there is one. */
export function useDeckPath(deckId: string | null): DeckPath | null {
  const { decks } = useDecks();
  const deck = deckId !== null ? decks.find((d) => d.id === deckId) : decks.length === 1 ? decks[0] : undefined;
  return useMemo(() => (deck ? { deck, lessons: buildLessons(deck) } : null), [deck]);
}

export function useOnboardingWrites(deckId: string) {
  const clock = useClock();
  const saveResume = useCallback(
    (lessonId: string, cardIndex: number) => {
      onboardingRepository.saveResumePoint(deckId, lessonId, cardIndex, clock.now()).catch(reportAppError);
    },
    [deckId, clock],
  );
  const unlockAll = useCallback(
    (on: boolean) => {
      onboardingRepository.setUnlockAll(deckId, on, clock.now()).catch(reportAppError);
    },
    [deckId, clock],
  );
  return { saveResume, unlockAll };
}

/** Mark the welcome seen; resolves to the lesson where the path of `path` resumes (null if none). */
export async function finishWelcome(path: DeckPath | null, now: number): Promise<string | null> {
  try {
    await onboardingRepository.setWelcomeSeen(true, now);
    if (!path) return null;
    const progress = await onboardingRepository.progress(path.deck.id);
    return resumePoint(path.lessons, progress)?.lessonId ?? null;
  } catch (error) {
    reportAppError(error);
    return null;
  }
}

/** "Show the welcome again" (settings). */
export async function resetWelcome(now: number): Promise<boolean> {
  try {
    await onboardingRepository.setWelcomeSeen(false, now);
    return true;
  } catch (error) {
    reportAppError(error);
    return false;
  }
}
