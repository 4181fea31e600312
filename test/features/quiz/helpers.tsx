// Shared set-up for the quiz screen tests: a fresh fake IndexedDB, English UI, the Docker
// fixture deck, and wouter's memory location (so the search parameters can be set and read).
import { render } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createDb, setDb } from '../../../src/db/database';
import type { KujiraDB } from '../../../src/db/schema';
import type { Deck } from '../../../src/domain/deck/types';
import { parseQuizParams } from '../../../src/domain/quiz/params';
import QuizPage from '../../../src/features/quiz/quiz-page';
import { planQuiz, type QuizPlan } from '../../../src/features/quiz/quiz-plan';
import { ClockProvider } from '../../../src/hooks/clock';
import { fixedClock } from '../../clock';
import { DecksProvider } from '../../../src/hooks/use-decks';
import { initI18n } from '../../../src/i18n/setup';
import { quizDeck } from '../../fixtures/quiz-deck';

export const i18n = initI18n('en');

export function freshDb(factory: IDBFactory = new IDBFactory()): KujiraDB {
  const db = createDb({ indexedDB: factory, IDBKeyRange });
  setDb(db);
  return db;
}

export function renderQuiz(path: string, decks: Deck[] = [quizDeck]) {
  const location = memoryLocation({ path, record: true });
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ClockProvider clock={fixedClock()}>
        <DecksProvider decks={decks}>
          <Router hook={location.hook} searchHook={location.searchHook}>
            <QuizPage />
          </Router>
        </DecksProvider>
      </ClockProvider>
    </I18nextProvider>,
  );
  return { ...utils, location };
}

/** The questions a link with a fixed seed asks (the page builds the same ones). */
export function planOf(search: string, decks: Deck[] = [quizDeck]): QuizPlan {
  const plan = planQuiz(parseQuizParams(new URLSearchParams(search)).options, decks, 'en', 0);
  if (!plan) throw new Error('no plan');
  return plan;
}
