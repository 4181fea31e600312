// @vitest-environment jsdom
// Practice quizzes: the start form, multiple choice by click and by keys 1-4 with immediate
// feedback, typed answers (alias accepted, near miss with the diff, "I was right").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { acceptedAnswers } from '../../../src/domain/quiz/check-answer';
import type { ChoiceQuestion, Question, TypedQuestion } from '../../../src/domain/quiz/questions';
import { freshDb, planOf, renderQuiz } from './helpers';

beforeEach(() => {
  freshDb();
});
afterEach(cleanup);

function choice(q: Question | undefined): ChoiceQuestion {
  if (q?.type !== 'choice') throw new Error('expected a choice question');
  return q;
}
function typed(q: Question | undefined): TypedQuestion {
  if (q?.type !== 'typed') throw new Error('expected a typed question');
  return q;
}

describe('quiz start screen', () => {
  it('offers practice and timed set-up with every control labelled', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz');
    expect(screen.getByRole('heading', { level: 1, name: 'Quiz' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Practice' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Volumes' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Containers' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Typed answers' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Number of questions' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Deck' })).toBeTruthy();
    // The first render opens the database: room for a loaded machine.
    expect(await screen.findByText(/No quizzes yet/, {}, { timeout: 10_000 })).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Timed quiz' }));
    expect(screen.getByRole('radio', { name: '60 seconds' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '20 questions' })).toBeTruthy();
    expect(screen.queryByRole('spinbutton', { name: 'Number of questions' })).toBeNull();
  });

  it('starts a practice quiz of the chosen sections, type and count through its link', async () => {
    const user = userEvent.setup();
    const { location } = renderQuiz('/quiz');
    for (const box of screen.getAllByRole('checkbox')) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    expect(screen.getByRole('button', { name: 'Start quiz' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: 'Volumes' }));
    await user.click(screen.getByRole('radio', { name: 'Typed answers' }));
    const count = screen.getByRole('spinbutton', { name: 'Number of questions' });
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: 'Start quiz' }));
    expect(location.history?.at(-1)).toBe('/quiz?mode=practice&deck=docker&section=volume&type=typed&count=3');
    expect(screen.getByText('Question 1 of 3')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeTruthy();
  });
});

describe('how many questions', () => {
  it('offers at most what the chosen sections hold, and a link asking for more gets each question once (issue 26)', async () => {
    const user = userEvent.setup();
    renderQuiz('/quiz');
    for (const box of screen.getAllByRole('checkbox')) {
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    await user.click(screen.getByRole('checkbox', { name: 'Volumes' }));
    await user.click(screen.getByRole('radio', { name: 'Typed answers' }));
    const available = planOf('mode=practice&section=volume&type=typed&count=100&seed=1').questions.length;
    expect(available).toBeLessThan(10);
    const count = screen.getByRole('spinbutton', { name: 'Number of questions' });
    // The default is lowered to what the choice holds, and the form says how many that is.
    expect((count as HTMLInputElement).value).toBe(String(available));
    expect(screen.getByText(`This choice holds ${available} different questions; each is asked once.`)).toBeTruthy();
    await user.clear(count);
    await user.type(count, '20');
    expect(screen.getByRole('alert').textContent).toBe(`This choice holds only ${available} different questions: ask for ${available} or fewer.`);
    expect(screen.getByRole('button', { name: 'Start quiz' })).toHaveProperty('disabled', true);

    cleanup();
    renderQuiz('/quiz?mode=practice&section=volume&type=typed&count=20&seed=1');
    expect(screen.getByText(`Question 1 of ${available}`)).toBeTruthy();
  });
});

describe('multiple choice', () => {
  const search = 'mode=practice&count=3&seed=11&section=volume,network';
  const plan = planOf(search);

  it('answers by tap: right, with the answer, note area and Next; wrong shows the right answer', async () => {
    const user = userEvent.setup();
    renderQuiz(`/quiz?${search}`);
    const q1 = choice(plan.questions[0]);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(document.activeElement).toBe(heading);
    const buttons = within(screen.getByRole('list')).getAllByRole('button');
    expect(buttons).toHaveLength(q1.choices.length);
    // Accessible names are the choice texts (the number hints are hidden from them).
    expect(buttons.map((b) => b.textContent?.slice(1))).toEqual(q1.choices.map((c) => c.text));
    const right = q1.choices[q1.correctIndex]!.text;
    await user.click(screen.getByRole('button', { name: right }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Right!');
    const next = screen.getByRole('button', { name: 'Next question' });
    expect(document.activeElement).toBe(next);

    await user.keyboard('{Enter}');
    expect(screen.getByText('Question 2 of 3')).toBeTruthy();
    const q2 = choice(plan.questions[1]);
    const wrongIndex = q2.correctIndex === 0 ? 1 : 0;
    await user.click(screen.getByRole('button', { name: q2.choices[wrongIndex]!.text }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Not quite.');
    expect(screen.getByText('Right answer:').parentElement?.textContent).toContain(q2.choices[q2.correctIndex]!.text);
  });

  it('answers with keys 1-4 and goes on with Enter', async () => {
    const user = userEvent.setup();
    renderQuiz(`/quiz?${search}`);
    for (let i = 0; i < 3; i++) {
      const q = choice(plan.questions[i]);
      expect(screen.getByText(`Question ${i + 1} of 3`)).toBeTruthy();
      await user.keyboard(String(q.correctIndex + 1));
      expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Right!');
      await user.keyboard('{Enter}');
    }
    expect(await screen.findByRole('heading', { level: 1, name: 'Results: Practice' })).toBeTruthy();
    expect(screen.getByText('3 / 3')).toBeTruthy();
  });

  it('ignores keys beyond the number of choices and after answering', async () => {
    const user = userEvent.setup();
    renderQuiz(`/quiz?${search}`);
    await user.keyboard('9');
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull();
    const q1 = choice(plan.questions[0]);
    await user.keyboard(String(q1.correctIndex + 1));
    await user.keyboard(String(((q1.correctIndex + 1) % q1.choices.length) + 1));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Right!');
  });
});

describe('typed answers', () => {
  const search = 'mode=practice&type=typed&count=2&seed=5&section=container';
  const plan = planOf(search);

  it('accepts an alias, shows a near miss beside the expected answer, and "I was right" counts it', async () => {
    const user = userEvent.setup();
    const { container } = renderQuiz(`/quiz?${search}`);
    const q1 = typed(plan.questions[0]);
    const input = screen.getByRole('textbox', { name: 'Your answer' });
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('autocapitalize')).toBe('off');
    expect(input.getAttribute('autocorrect')).toBe('off');
    expect(input.getAttribute('spellcheck')).toBe('false');
    const alias = q1.answers[1];
    expect(alias).toBeTruthy();
    await user.type(input, `  ${alias!.toUpperCase()} {Enter}`);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Right!');
    expect(screen.queryByRole('button', { name: 'I was right' })).toBeNull();
    await user.keyboard('{Enter}');

    const q2 = typed(plan.questions[1]);
    const canonical = q2.answers[0]!;
    const nearMiss = canonical.slice(0, -1);
    expect(acceptedAnswers({ key: canonical, answers: q2.answers }).map((a) => a.toLowerCase())).not.toContain(nearMiss.toLowerCase());
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), `${nearMiss}{Enter}`);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Not quite.');
    const ins = container.querySelector('.quiz-diff ins');
    expect(ins?.textContent).toBe(`[missing: ${canonical.slice(-1)}]`);
    expect(ins?.querySelector('.visually-hidden')).toBeTruthy();
    expect(screen.getByText('You typed').nextElementSibling?.textContent).toBe(nearMiss);

    await user.click(screen.getByRole('button', { name: 'I was right' }));
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Counted as right.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'See results' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results: Practice' })).toBeTruthy();
    expect(screen.getByText('2 / 2')).toBeTruthy();
    expect(screen.getByText('Right (you said so)')).toBeTruthy();
  });

  it('does not accept an empty answer', async () => {
    const user = userEvent.setup();
    renderQuiz(`/quiz?${search}`);
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '   {Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Type an answer first.');
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull();
  });
});
