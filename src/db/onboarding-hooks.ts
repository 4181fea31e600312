// Live reads of onboarding state for components (undefined while loading).
import { useLiveQuery } from 'dexie-react-hooks';
import type { OnboardingProgress } from '../domain/onboarding/progress';
import { getDb } from './database';
import { getOnboardingProgress, getWelcomeSeen } from './onboarding';

export function useOnboardingProgress(deckId: string | null): OnboardingProgress | null | undefined {
  return useLiveQuery(() => (deckId ? getOnboardingProgress(getDb(), deckId) : null), [deckId]);
}

export function useWelcomeSeen(): boolean | undefined {
  return useLiveQuery(() => getWelcomeSeen(getDb()), []);
}
