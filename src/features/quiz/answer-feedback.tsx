// The feedback after a quiz answer (practice): right or wrong, the right answer, a typed answer
// beside the expected one with the difference marked (and a hint when a flag was missing, or
// added where it changes the meaning),
// the card's note, its correction (the card view's CorrectionBox), "I was right" and Next.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CorrectionBox, LocalizedText } from '../../components/card-view';
import { localizedText, pickLocalized } from '../../domain/deck/localized';
import type { Card, Lang } from '../../domain/deck/types';
import { isRecordCorrect, type AnswerRecord } from '../../domain/quiz/answer-record';
import type { DiffSegment } from '../../domain/quiz/diff';
import type { Question, TextKind } from '../../domain/quiz/questions';
import { QuizText } from './quiz-text';

/** Typed vs expected: the typed line marks what should not be there, the expected line what was missing. */
export function TypedDiff({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useTranslation();
  const mark = (segment: DiffSegment, i: number): ReactNode => {
    if (segment.kind === 'same') return <span key={i}>{segment.text}</span>;
    if (segment.kind === 'extra') {
      return (
        <del key={i}>
          <span className="visually-hidden">{t('quiz.feedback.extraStart')}</span>
          {segment.text}
          <span className="visually-hidden">{t('quiz.feedback.extraEnd')}</span>
        </del>
      );
    }
    return (
      <ins key={i}>
        <span className="visually-hidden">{t('quiz.feedback.missingStart')}</span>
        {segment.text}
        <span className="visually-hidden">{t('quiz.feedback.missingEnd')}</span>
      </ins>
    );
  };
  return (
    <dl className="quiz-diff">
      <div>
        <dt>{t('quiz.feedback.youTyped')}</dt>
        <dd>
          <code>{segments.filter((s) => s.kind !== 'missing').map(mark)}</code>
        </dd>
      </div>
      <div>
        <dt>{t('quiz.feedback.expected')}</dt>
        <dd>
          <code>{segments.filter((s) => s.kind !== 'extra').map(mark)}</code>
        </dd>
      </div>
    </dl>
  );
}

type Hint = NonNullable<NonNullable<AnswerRecord['typed']>['hint']>;

/** A typed answer's hint; for flags that change the meaning, what they do (the card's `## Flags` entry). */
function hintText(hint: Hint, card: Card | undefined, lang: Lang, t: TFunction): string {
  const flags = hint.flags.join(' ');
  if (hint.kind === 'missing-flags') return t('quiz.feedback.missingFlags', { flags });
  const entry = card?.flagged?.find((f) => hint.flags.every((x) => f.answer.split(' ').includes(x) || f.spellings.includes(x)));
  const meaning = entry ? localizedText(entry.meaning, lang) : '';
  return meaning ? t('quiz.feedback.extraFlags', { flags, meaning }) : t('quiz.feedback.extraFlagsPlain', { flags });
}

export interface FeedbackProps {
  question: Question;
  record: AnswerRecord;
  card: Card | undefined;
  lang: Lang;
  showBoth: boolean;
  isLast: boolean;
  onOverride(): void;
  onNext(): void;
}

export function AnswerFeedback({ question, record, card, lang, showBoth, isLast, onOverride, onNext }: FeedbackProps) {
  const { t } = useTranslation();
  const id = useId();
  const nextRef = useRef<HTMLButtonElement>(null);
  const correct = isRecordCorrect(record);
  const answerKind: TextKind = question.type === 'choice' ? question.choiceKind : 'code';

  // After answering, Next holds the focus: Enter goes on, and a screen reader reads the verdict
  // (Next is described by it).
  useEffect(() => {
    nextRef.current?.focus({ preventScroll: false });
  }, [record.questionId, record.markedRightByUser]);

  const verdict = record.markedRightByUser ? t('quiz.feedback.overridden') : correct ? t('quiz.feedback.right') : t('quiz.feedback.wrong');
  const typedWrong = record.typed !== null && !record.typed.correct;
  return (
    <section className="quiz-feedback" data-correct={correct} aria-labelledby={`${id}-verdict`}>
      <div id={`${id}-summary`}>
        <h3 id={`${id}-verdict`} className="quiz-verdict">
          <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
          {verdict}
        </h3>
        {typedWrong && record.typed ? (
          <TypedDiff segments={record.typed.diff} />
        ) : (
          <p className="quiz-right-answer">
            {t('quiz.feedback.rightAnswer')} <QuizText text={record.rightAnswer} kind={answerKind} />
          </p>
        )}
        {typedWrong && record.typed?.hint && <p className="quiz-hint">{hintText(record.typed.hint, card, lang, t)}</p>}
        {typedWrong && record.typed && record.typed.expected !== record.rightAnswer && (
          <p className="quiz-right-answer">
            {t('quiz.feedback.rightAnswer')} <QuizText text={record.rightAnswer} kind="code" />
          </p>
        )}
      </div>
      {card && pickLocalized(card.note, lang) && (
        <p className="note">
          <span className="quiz-label">{t('quiz.feedback.note')}: </span>
          <LocalizedText text={card.note} lang={lang} showBoth={showBoth} />
        </p>
      )}
      {card && <CorrectionBox card={card} lang={lang} showBoth={showBoth} />}
      <div className="row quiz-feedback-actions">
        {typedWrong && !record.markedRightByUser && (
          <button type="button" className="button" onClick={onOverride}>
            {t('quiz.feedback.iWasRight')}
          </button>
        )}
        <button
          type="button"
          ref={nextRef}
          className="button button-primary"
          onClick={onNext}
          aria-describedby={`${id}-summary`}
          aria-keyshortcuts="Enter"
        >
          {isLast ? t('quiz.feedback.finish') : t('quiz.feedback.next')}
        </button>
      </div>
    </section>
  );
}
