// One quiz question on screen (multiple choice or typed) and, in practice, the feedback after the
// answer: right or wrong, the right answer, a typed answer beside the expected one with the
// difference marked, the card's note and correction, "I was right" and Next.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedText, pickText } from '../../components/card-view';
import { RichText } from '../../components/rich-text';
import type { Card, Lang } from '../../domain/deck/types';
import { isRecordCorrect, type AnswerRecord, type QuizResponse } from '../../domain/quiz/answer-record';
import type { DiffSegment } from '../../domain/quiz/diff';
import type { ChoiceQuestion, Question, TextKind, TypedQuestion } from '../../domain/quiz/questions';

/** Card text: commands and options as code, prose through RichText (`inline code`, line breaks). */
export function QuizText({ text, kind }: { text: string; kind: TextKind }) {
  return kind === 'code' ? (
    <code>
      <RichText text={text} />
    </code>
  ) : (
    <RichText text={text} />
  );
}

export interface QuestionViewProps {
  question: Question;
  /** 1-based. */
  number: number;
  /** null: open-ended (a sprint). */
  total: number | null;
  /** The answer given to this question (practice feedback); null while unanswered. */
  record: AnswerRecord | null;
  onAnswer(response: QuizResponse): void;
}

function Progress({ number, total }: { number: number; total: number | null }) {
  const { t } = useTranslation();
  return (
    <p className="quiz-progress muted">
      {total !== null ? t('quiz.question.progress', { number, total }) : t('quiz.question.progressOpen', { number })}
    </p>
  );
}

function ChoiceView({ question, record, onAnswer, headingId }: { question: ChoiceQuestion; record: AnswerRecord | null; onAnswer: (r: QuizResponse) => void; headingId: string }) {
  const chosen = record && typeof record.response === 'number' ? record.response : null;
  return (
    <ol className="quiz-choices" aria-labelledby={headingId} data-kind={question.choiceKind}>
      {question.choices.map((choice, i) => {
        const state = record === null ? undefined : choice.correct ? 'correct' : chosen === i ? 'wrong' : 'other';
        return (
          <li key={`${i}:${choice.text}`}>
            <button
              type="button"
              className="quiz-choice"
              data-state={state}
              disabled={record !== null}
              onClick={() => onAnswer(i)}
              aria-keyshortcuts={String(i + 1)}
            >
              <span className="quiz-choice-key" aria-hidden="true">
                {i + 1}
              </span>
              <span className="quiz-choice-text">
                <QuizText text={choice.text} kind={question.choiceKind} />
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function TypedView({ question, record, onAnswer, headingId, inputRef }: { question: TypedQuestion; record: AnswerRecord | null; onAnswer: (r: QuizResponse) => void; headingId: string; inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (record !== null) return;
    if (text.trim() === '') {
      setEmpty(true);
      return;
    }
    onAnswer(text);
  };
  return (
    <form className="quiz-typed" onSubmit={onSubmit} data-question={question.id}>
      <label htmlFor={id}>{t('quiz.question.answerLabel')}</label>
      <div className="quiz-typed-row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          className="quiz-typed-input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setEmpty(false);
          }}
          readOnly={record !== null}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="done"
          aria-describedby={`${headingId}${empty ? ` ${id}-empty` : ''}`}
          aria-invalid={empty || undefined}
        />
        <button type="submit" className="button button-primary" disabled={record !== null}>
          {t('quiz.question.submit')}
        </button>
      </div>
      {empty && (
        <p id={`${id}-empty`} className="quiz-hint" role="alert">
          {t('quiz.question.emptyAnswer')}
        </p>
      )}
    </form>
  );
}

export function QuestionView({ question, number, total, record, onAnswer }: QuestionViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Each new question takes the focus: the typed field, else the question itself (a screen
  // reader reads it; keys 1-4 and Tab to the first choice work from there).
  useEffect(() => {
    if (question.type === 'typed') inputRef.current?.focus({ preventScroll: false });
    else headingRef.current?.focus({ preventScroll: false });
  }, [question.id, question.type]);

  const hint =
    question.type === 'typed' ? t('quiz.question.typedHint') : t(`quiz.question.direction.${question.direction}`);
  return (
    <section className="quiz-question" aria-labelledby={headingId}>
      <Progress number={number} total={total} />
      <p className="quiz-hint muted">{hint}</p>
      <h2 id={headingId} className="quiz-prompt" tabIndex={-1} ref={headingRef}>
        <QuizText text={question.prompt} kind={question.type === 'choice' ? question.promptKind : 'text'} />
      </h2>
      {question.type === 'choice' ? (
        <ChoiceView question={question} record={record} onAnswer={onAnswer} headingId={headingId} />
      ) : (
        <TypedView key={question.id} question={question} record={record} onAnswer={onAnswer} headingId={headingId} inputRef={inputRef} />
      )}
    </section>
  );
}

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
        {typedWrong && record.typed && record.typed.expected !== record.rightAnswer && (
          <p className="quiz-right-answer">
            {t('quiz.feedback.rightAnswer')} <QuizText text={record.rightAnswer} kind="code" />
          </p>
        )}
      </div>
      {card && pickText(card.note, lang) && (
        <p className="note">
          <span className="quiz-label">{t('quiz.feedback.note')}: </span>
          <LocalizedText text={card.note} lang={lang} showBoth={showBoth} />
        </p>
      )}
      {card && pickText(card.correction, lang) && (
        <aside className="correction" aria-label={t('cards.view.correction')}>
          <span className="correction-title">{t('cards.view.correction')}</span>
          <LocalizedText text={card.correction} lang={lang} showBoth={showBoth} />
        </aside>
      )}
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
