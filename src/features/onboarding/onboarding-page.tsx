// Learn: the guided path through a deck. Mounted (lazily) at /learn and /onboarding:
//   /onboarding?deck=<deck>            the deck's path (a team lead's link)
//   /onboarding/<deck>                 the same
//   /onboarding/<deck>/<lesson>        one lesson, linked directly (locked ones say so)
//   /onboarding/<deck>/certificate     the printable completion page
// A first visit shows the welcome screens, then goes straight into the first lesson.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { Link, Route, Switch, useLocation, useRoute, useSearch } from 'wouter';
import { useOnboardingProgress, useSettings, useWelcomeSeen } from '../../db';
import { findLesson } from '../../domain/onboarding/lessons';
import { isLessonUnlocked, resumePoint } from '../../domain/onboarding/progress';
import { useClock } from '../../hooks/clock';
import { useDecks } from '../../hooks/use-decks';
import { Certificate } from './certificate';
import { LessonView } from './lesson-view';
import { PathView } from './path-view';
import { useLessonTitle } from './summary';
import { finishWelcome, useDeckPath } from './use-onboarding';
import { Welcome } from './welcome';
import './onboarding.css';
import { localizedText } from '../../domain/deck/localized';

function Loading() {
  const { t } = useTranslation();
  return <p aria-live="polite">{t('common.loading')}</p>;
}

function DeckChooser({ unknown }: { unknown: string | null }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { decks } = useDecks();
  return (
    <div>
      <h1>{t('onboarding.title')}</h1>
      {unknown !== null && <p role="alert">{t('onboarding.deckNotFound', { deck: unknown })}</p>}
      <h2>{t('onboarding.chooseDeck')}</h2>
      <ul className="deck-list">
        {decks.map((d) => (
          <li key={d.id}>
            <Link href={`/${d.id}`}>{localizedText(d.title, lang)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PathRoute({ deckId }: { deckId: string | null }) {
  const path = useDeckPath(deckId);
  const progress = useOnboardingProgress(path?.deck.id ?? null);
  if (!path) return <DeckChooser unknown={deckId} />;
  if (!progress) return <Loading />;
  return <PathView path={path} progress={progress} />;
}

function CertificateRoute({ deckId }: { deckId: string }) {
  const path = useDeckPath(deckId);
  const progress = useOnboardingProgress(path?.deck.id ?? null);
  if (!path) return <DeckChooser unknown={deckId} />;
  if (!progress) return <Loading />;
  return <Certificate path={path} progress={progress} />;
}

function LessonRoute({ deckId, lessonId }: { deckId: string; lessonId: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const title = useLessonTitle();
  const path = useDeckPath(deckId);
  const progress = useOnboardingProgress(path?.deck.id ?? null);
  const settings = useSettings();
  if (!path) return <DeckChooser unknown={deckId} />;
  if (!progress || !settings) return <Loading />;
  const lesson = findLesson(path.lessons, lessonId);
  if (!lesson) {
    return (
      <div>
        <p role="alert">{t('onboarding.lessonNotFound')}</p>
        <Link href={`/${deckId}`}>{t('onboarding.backToPath')}</Link>
      </div>
    );
  }
  if (!isLessonUnlocked(path.lessons, progress, lesson.id)) {
    const resume = resumePoint(path.lessons, progress);
    const target = resume ? findLesson(path.lessons, resume.lessonId) : undefined;
    return (
      <div>
        <h1>{t('onboarding.path.lessonTitle', { n: lesson.index + 1, title: title(lesson) })}</h1>
        <p role="alert">{t('onboarding.lesson.locked')}</p>
        <div className="row">
          {target && (
            <Link href={`/${deckId}/${target.id}`} className="button button-primary">
              {t('onboarding.lesson.goTo', { title: title(target) })}
            </Link>
          )}
          <Link href={`/${deckId}`} className="button">
            {t('onboarding.backToPath')}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <LessonView
      key={lesson.id}
      deck={path.deck}
      lessons={path.lessons}
      lesson={lesson}
      progress={progress}
      lang={lang}
      showBoth={settings.showBothLanguages}
    />
  );
}

export default function OnboardingPage() {
  const search = useSearch();
  const deckParam = new URLSearchParams(search).get('deck');
  const [, navigate] = useLocation();
  const [, routeParams] = useRoute<{ deckId: string; rest: string }>('/:deckId/:rest');
  const [, deckOnly] = useRoute<{ deckId: string }>('/:deckId');
  const welcomeDeck = useDeckPath(deckParam ?? routeParams?.deckId ?? deckOnly?.deckId ?? null);
  const seen = useWelcomeSeen();
  const [dismissed, setDismissed] = useState(false);
  const clock = useClock();

  if (seen === undefined) return <Loading />;
  if (!seen && !dismissed) {
    const onDone = () => {
      void finishWelcome(welcomeDeck, clock.now()).then((lessonId) => {
        // From a lesson link, stay on that lesson; otherwise straight into the first lesson.
        if (!routeParams && welcomeDeck && lessonId) navigate(`/${welcomeDeck.deck.id}/${lessonId}`);
        setDismissed(true);
      });
    };
    return <Welcome onDone={onDone} />;
  }

  return (
    <Switch>
      <Route path="/:deckId/certificate">{(p) => <CertificateRoute deckId={p.deckId} />}</Route>
      <Route path="/:deckId/:lessonId">{(p) => <LessonRoute deckId={p.deckId} lessonId={p.lessonId} />}</Route>
      <Route path="/:deckId">{(p) => <PathRoute deckId={p.deckId} />}</Route>
      <Route>{() => <PathRoute deckId={deckParam} />}</Route>
    </Switch>
  );
}

export { ShowWelcomeAgainButton } from './show-welcome-again-button';
