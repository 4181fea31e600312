// Compile errors and warnings as `FILE:LINE: message`, each with the text of its line; the
// message in the UI language (src/i18n/deck-messages.ts), FILE:LINE and the line as they are.
import { useUiLanguage } from '../../i18n/ui-language';
import { deckMessageIn } from '../../i18n/deck-messages';
import type { ShownError } from './read-deck';

export function DeckErrors({ heading, errors, alert }: { heading: string; errors: readonly ShownError[]; alert?: boolean }) {
  const lang = useUiLanguage();
  if (errors.length === 0) return null;
  return (
    <div className={alert ? 'deck-errors deck-errors-bad' : 'deck-errors'} role={alert ? 'alert' : undefined}>
      <p>{heading}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code className="deck-error-message">{`${e.location}: ${deckMessageIn(e.text, lang)}`}</code>
            {e.line !== undefined && <pre className="deck-error-line">{e.line}</pre>}
          </li>
        ))}
      </ul>
    </div>
  );
}
