// The quiz start screen: a form for practice (sections, question type, count) or a timed quiz
// (sprint or exam), and the recent results per mode from the history.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { useQuizResults } from '../../db';
import type { Deck } from '../../domain/deck/types';
import { askableCount } from '../../domain/quiz/build-quiz';
import { DEFAULT_PRACTICE_COUNT, MAX_PRACTICE_COUNT, type QuizMode, type QuizParams } from '../../domain/quiz/params';
import type { QuizType } from '../../domain/quiz/questions';
import type { QuizModeKey } from '../../domain/quiz/results';
import type { TimedShape } from '../../domain/quiz/timed-quiz';
import { useDecks } from '../../hooks/use-decks';
import { formatDateTime, formatPercent } from './format';
import { localizedText } from '../../domain/deck/localized';

const MODES: readonly QuizMode[] = ['practice', 'timed'];
const TYPES: readonly QuizType[] = ['choice', 'typed', 'mixed'];
const SHAPES: readonly TimedShape[] = ['sprint', 'exam'];
const HISTORY_MODES: readonly QuizModeKey[] = ['practice', 'sprint', 'exam'];
/** Results listed per mode on the start screen. */
export const HISTORY_PER_MODE = 5;

export interface QuizSetupProps {
  /** Values to start from (a link without `mode` pre-fills the form). */
  initial: QuizParams;
  onStart(options: QuizParams): void;
}

function Radio<T extends string>({ name, value, checked, label, hint, onChange }: { name: string; value: T; checked: boolean; label: string; hint?: string; onChange: (v: T) => void }) {
  const id = useId();
  return (
    <div className="quiz-option">
      <input type="radio" id={id} name={name} value={value} checked={checked} onChange={() => onChange(value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="quiz-option-hint muted">
          {hint}
        </span>
      )}
    </div>
  );
}

export function QuizSetup({ initial, onStart }: QuizSetupProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { decks } = useDecks();
  const name = useId();
  const [mode, setMode] = useState<QuizMode>(initial.mode);
  const [deckId, setDeckId] = useState(() => (decks.some((d) => d.id === initial.deckId) ? initial.deckId : decks[0]?.id) ?? '');
  const deck: Deck | undefined = decks.find((d) => d.id === deckId);
  const [chosen, setChosen] = useState<Set<string> | null>(() => (initial.sectionIds.length > 0 ? new Set(initial.sectionIds) : null));
  const [type, setType] = useState<QuizType>(initial.type);
  // null: the default count, lowered to what the chosen sections hold; a typed count stays as typed.
  const [typedCount, setCount] = useState<string | null>(initial.count !== null && initial.count !== DEFAULT_PRACTICE_COUNT ? String(initial.count) : null);
  const [shape, setShape] = useState<TimedShape>(initial.shape ?? 'exam');
  const chosenKey = chosen ? [...chosen].sort().join(' ') : null;
  // How many different questions the choice holds: a practice quiz asks each at most once.
  const available = useMemo(
    () => (deck ? askableCount({ deck, sectionIds: chosenKey ? chosenKey.split(' ') : [], type, lang }) : 0),
    [deck, chosenKey, type, lang],
  );

  if (!deck) return <p>{t('quiz.setup.noDecks')}</p>;
  const sections = [...deck.sections].sort((a, b) => a.order - b.order);
  // null: every section (the default, and what an empty `section` parameter means).
  const selected = chosen ?? new Set(sections.map((s) => s.id));
  const maxCount = Math.min(MAX_PRACTICE_COUNT, available);
  const count = typedCount ?? String(Math.max(1, Math.min(DEFAULT_PRACTICE_COUNT, maxCount)));
  const countNumber = Number(count);
  const countValid = count.trim() !== '' && Number.isInteger(countNumber) && countNumber >= 1 && countNumber <= maxCount;
  const noSection = selected.size === 0;
  const canStart = !noSection && (mode === 'timed' || countValid);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canStart) return;
    const all = sections.every((s) => selected.has(s.id));
    onStart({
      mode,
      shape: mode === 'timed' ? shape : null,
      deckId: deck.id,
      sectionIds: all ? [] : sections.filter((s) => selected.has(s.id)).map((s) => s.id),
      type,
      count: mode === 'practice' ? countNumber : null,
      seed: initial.seed,
    });
  };

  return (
    <form className="panel quiz-setup" onSubmit={onSubmit} aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`}>{t('quiz.setup.heading')}</h2>
      <fieldset>
        <legend>{t('quiz.setup.mode')}</legend>
        {MODES.map((m) => (
          <Radio key={m} name={`${name}-mode`} value={m} checked={mode === m} label={t(`quiz.setup.modes.${m}`)} hint={t(`quiz.setup.modeHints.${m}`)} onChange={setMode} />
        ))}
      </fieldset>
      {mode === 'timed' && (
        <fieldset>
          <legend>{t('quiz.setup.shape')}</legend>
          {SHAPES.map((s) => (
            <Radio key={s} name={`${name}-shape`} value={s} checked={shape === s} label={t(`quiz.setup.shapes.${s}`)} hint={t(`quiz.setup.shapeHints.${s}`)} onChange={setShape} />
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${name}-deck`}>{t('quiz.setup.deck')}</label>
        <select
          id={`${name}-deck`}
          value={deck.id}
          onChange={(e) => {
            setDeckId(e.target.value);
            setChosen(null);
          }}
        >
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {localizedText(d.title, lang)}
            </option>
          ))}
        </select>
      </div>
      <fieldset aria-describedby={noSection ? `${name}-nosection` : undefined}>
        <legend>{t('quiz.setup.sections')}</legend>
        <div className="quiz-sections">
          {sections.map((s) => {
            const id = `${name}-section-${s.id}`;
            return (
              <div key={s.id} className="quiz-option">
                <input type="checkbox" id={id} checked={selected.has(s.id)} onChange={() => toggle(s.id)} />
                <label htmlFor={id}>{localizedText(s.title, lang)}</label>
              </div>
            );
          })}
        </div>
        {noSection && (
          <p id={`${name}-nosection`} className="quiz-hint" role="alert">
            {t('quiz.setup.noSection')}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('quiz.setup.type')}</legend>
        {TYPES.map((ty) => (
          <Radio key={ty} name={`${name}-type`} value={ty} checked={type === ty} label={t(`quiz.types.${ty}`)} onChange={setType} />
        ))}
      </fieldset>
      {mode === 'practice' && (
        <div className="field">
          <label htmlFor={`${name}-count`}>{t('quiz.setup.count')}</label>
          <input
            id={`${name}-count`}
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, maxCount)}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            aria-invalid={!countValid || undefined}
            aria-describedby={`${name}-count-available${!countValid ? ` ${name}-count-error` : ''}`}
          />
          <p id={`${name}-count-available`} className="quiz-hint muted">
            {t('quiz.setup.countAvailable', { count: available })}
          </p>
          {!countValid && !noSection && (
            <p id={`${name}-count-error`} className="quiz-hint" role="alert">
              {available === 0
                ? t('quiz.run.noQuestions')
                : countNumber > maxCount && maxCount < MAX_PRACTICE_COUNT
                  ? t('quiz.setup.countTooMany', { count: maxCount })
                  : t('quiz.setup.countInvalid', { min: 1, max: maxCount })}
            </p>
          )}
        </div>
      )}
      <button type="submit" className="button button-primary button-large" disabled={!canStart}>
        {t('quiz.setup.start')}
      </button>
    </form>
  );
}

/** The latest results of each mode (practice, sprint, exam), newest first. */
export function QuizHistory() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { decks } = useDecks();
  const results = useQuizResults({ limit: 200 });
  const id = useId();
  const deckTitle = (deckId: string) => {
    const deck = decks.find((d) => d.id === deckId);
    return deck ? localizedText(deck.title, lang) : deckId;
  };
  return (
    <section className="panel quiz-history" aria-labelledby={id}>
      <h2 id={id}>{t('quiz.history.title')}</h2>
      {results === undefined ? (
        <p aria-live="polite">{t('common.loading')}</p>
      ) : results.length === 0 ? (
        <p className="muted">{t('quiz.history.empty')}</p>
      ) : (
        HISTORY_MODES.map((mode) => {
          const own = results.filter((r) => r.mode === mode).slice(0, HISTORY_PER_MODE);
          if (own.length === 0) return null;
          return (
            <div key={mode} className="quiz-history-mode">
              <h3>{t(`quiz.modeName.${mode}`)}</h3>
              <ol className="quiz-history-list">
                {own.map((r) => (
                  <li key={r.id}>
                    <time dateTime={new Date(r.finishedAt).toISOString()}>{formatDateTime(r.finishedAt, lang)}</time>
                    <span className="quiz-history-deck">{deckTitle(r.deckId)}</span>
                    <strong>{t('quiz.results.scoreValue', { score: r.score, total: r.total })}</strong>
                    <span className="muted">{formatPercent(r.accuracy, lang)}</span>
                  </li>
                ))}
              </ol>
            </div>
          );
        })
      )}
    </section>
  );
}
