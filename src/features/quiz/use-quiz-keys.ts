// Quiz keyboard: 1-4 pick a choice, Enter goes to the next question once feedback shows.
// Keys typed into a text field are the field's; Enter on a button is the button's own click.
import { useEffect } from 'react';

export interface QuizKeysOptions {
  /** Choices on screen that keys may pick (0: none, e.g. a typed question or after answering). */
  choiceCount: number;
  onChoice(index: number): void;
  /** Feedback shows and Enter goes on; null when Enter does nothing. */
  onNext: (() => void) | null;
}

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useQuizKeys({ choiceCount, onChoice, onNext }: QuizKeysOptions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
      if (digit >= 1 && digit <= Math.min(4, choiceCount)) {
        event.preventDefault();
        onChoice(digit - 1);
        return;
      }
      const onButton = event.target instanceof HTMLElement && event.target.closest('button, a');
      if (event.key === 'Enter' && onNext && !onButton) {
        event.preventDefault();
        onNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choiceCount, onChoice, onNext]);
}
