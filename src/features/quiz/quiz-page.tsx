// The quiz screen (route /quiz). The address decides what shows: with `mode` the quiz starts at
// once (deep links such as /quiz?mode=timed&shape=exam&deck=docker); without it, the start form
// (pre-filled from any other parameters) and the recent results. When a quiz ends its address
// becomes plain /quiz, so a reload shows the start screen and history instead of restarting.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { useLocation, useSearch } from 'wouter';
import { parseQuizParams, type QuizParamWarning, type QuizParams } from '../../domain/quiz/params';
import type { QuizSummary } from '../../domain/quiz/results';
import { useDecks } from '../../hooks/use-decks';
import { newSeed, planQuiz, quizStartHref, type QuizPlan } from './quiz-plan';
import { QuizResultsView } from './quiz-results-view';
import { PracticeRun, TimedRun } from './quiz-run';
import { QuizHistory, QuizSetup } from './quiz-setup';
import { useFinishQuiz } from './use-finish-quiz';
import './quiz.css';

const QUIZ_PATH = '/quiz';

function Notices({ warnings, plan }: { warnings: readonly QuizParamWarning[]; plan: QuizPlan | null }) {
  const { t } = useTranslation();
  const ignored = warnings.map((w) => `${w.param}=${w.value}`);
  if (plan?.missingSectionIds.length) ignored.push(...plan.missingSectionIds.map((id) => `section=${id}`));
  if (ignored.length === 0 && !plan?.missingDeckId) return null;
  return (
    <div className="quiz-notice" role="note">
      {plan?.missingDeckId && <p>{t('quiz.run.deckMissing', { deck: plan.missingDeckId })}</p>}
      {ignored.length > 0 && <p>{t('quiz.run.ignored', { params: ignored.join(', ') })}</p>}
    </div>
  );
}

function QuizRunner({ options, warnings, onFinish, onQuit }: { options: QuizParams; warnings: readonly QuizParamWarning[]; onFinish: (plan: QuizPlan, summary: QuizSummary) => void; onQuit: () => void }) {
  const { t } = useTranslation();
  const { decks } = useDecks();
  const lang = useUiLanguage();
  // A link without a seed gets a fresh quiz each time; the seed is fixed for this run.
  const [seed] = useState(newSeed);
  const plan = useMemo(() => planQuiz(options, decks, lang, seed), [options, decks, lang, seed]);
  if (!plan || plan.questions.length === 0) {
    return (
      <>
        <h1>{t('quiz.title')}</h1>
        <Notices warnings={warnings} plan={plan} />
        <p role="alert">{plan ? t('quiz.run.noQuestions') : t('quiz.setup.noDecks')}</p>
        <button type="button" className="button" onClick={onQuit}>
          {t('quiz.run.backToStart')}
        </button>
      </>
    );
  }
  const Run = plan.options.mode === 'timed' ? TimedRun : PracticeRun;
  return (
    <>
      <Notices warnings={warnings} plan={plan} />
      <Run plan={plan} onFinish={onFinish} onQuit={onQuit} />
    </>
  );
}

export default function QuizPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const { finished, finish, clear } = useFinishQuiz();
  // "Try again" with the same address must still start a new run.
  const [attempt, setAttempt] = useState(0);

  const params = useMemo(() => new URLSearchParams(search), [search]);
  const parsed = useMemo(() => parseQuizParams(params), [params]);
  const starts = params.has('mode');

  const onFinish = useCallback(
    (plan: QuizPlan, summary: QuizSummary) => {
      finish(plan, summary);
      navigate(QUIZ_PATH, { replace: true });
    },
    [finish, navigate],
  );
  const onQuit = useCallback(() => navigate(QUIZ_PATH), [navigate]);
  const onStart = useCallback((options: QuizParams) => navigate(quizStartHref(options)), [navigate]);

  if (finished) {
    const { options } = finished.plan;
    return (
      <QuizResultsView
        finished={finished}
        onTryAgain={() => {
          clear();
          setAttempt((a) => a + 1);
          // The link's own seed (if it had one) is kept; otherwise the new run draws a fresh quiz.
          navigate(quizStartHref({ ...options, seed: finished.plan.fixedSeed ? options.seed : null }));
        }}
        onNewQuiz={clear}
      />
    );
  }

  if (starts) {
    return <QuizRunner key={`${search}#${attempt}`} options={parsed.options} warnings={parsed.warnings} onFinish={onFinish} onQuit={onQuit} />;
  }

  return (
    <div className="quiz-start">
      <h1>{t('quiz.title')}</h1>
      <p className="muted">{t('quiz.intro')}</p>
      <Notices warnings={parsed.warnings} plan={null} />
      <QuizSetup key={search} initial={parsed.options} onStart={onStart} />
      <QuizHistory />
    </div>
  );
}
