// One quiz question on screen: multiple choice (keys 1-4 or a tap) or a typed answer. The feedback
// after an answer is answer-feedback.tsx.
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerRecord, QuizResponse } from '../../domain/quiz/answer-record';
import type { ChoiceQuestion, Question, TypedQuestion } from '../../domain/quiz/questions';
import { QuizText } from './quiz-text';

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
