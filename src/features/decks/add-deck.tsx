// "Add a deck from Markdown": files chosen, dropped or pasted are compiled in the browser; the
// deck is previewed with an editable id and stored only once it compiles.
import { MarkdownFilesInput } from './markdown-files-input';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedText } from '../../domain/deck/localized';
import { PLAIN_DECK_ID, storableDeckIdProblem } from '../../domain/deck/deck-owner';
import { useUiLanguage } from '../../i18n/ui-language';
import { storedDeckRepository } from '../../db';
import { givenOf, useReadDeck } from './use-read-deck';
import { cardLabel, once } from './card-label';
import { DeckErrors } from './deck-errors';
import type { Deck, Lang } from '../../domain/deck/types';
import { useClock } from '../../hooks/clock';

/** The cards the memo makes, section by section, one line per command, option or fact. */
function DeckPreview({ deck, lang }: { deck: Deck; lang: Lang }) {
  const { t } = useTranslation();
  const sections = [...deck.sections].sort((a, b) => a.order - b.order);
  return (
    <details className="decks-cards" open>
      <summary>{t('decks.add.cardsHeading')}</summary>
      {sections.map((section) => {
        const lines = once(deck.cards.filter((c) => c.sectionId === section.id).map((c) => cardLabel(c, lang)));
        if (lines.length === 0) return null;
        return (
          <section key={section.id} aria-label={localizedText(section.title, lang)}>
            <h4>{localizedText(section.title, lang)}</h4>
            <ul lang={lang}>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </details>
  );
}

// The learner names a deck with a plain id (a team's ids are `team:...`, given by its team).
const DECK_ID = PLAIN_DECK_ID;

export function AddDeck({ builtInIds, storedIds }: { builtInIds: ReadonlySet<string>; storedIds: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const ids = { title: useId(), files: useId(), paste: useId(), deckId: useId(), help: useId() };
  const { state, read, reset } = useReadDeck();
  const clock = useClock();
  const [paste, setPaste] = useState('');
  const [deckId, setDeckId] = useState('');
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [advanced, setAdvanced] = useState(false);

  const start = async (given: { name: string; text: string }[]) => {
    setMessage(null);
    setProblem(null);
    const result = await read(given);
    if (result) setDeckId(result.id);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files].filter((f) => /\.(md|markdown)$/i.test(f.name) || f.type === 'text/markdown');
    void givenOf(files).then(start);
  };

  const onSave = async () => {
    if (state.status !== 'done') return;
    const id = deckId.trim();
    // The owner rule is the domain's (saveStoredDeck holds it too); the form only says it first.
    if (builtInIds.has(id) || storableDeckIdProblem(id, { kind: 'learner' })?.reason === 'built-in') return setProblem(t('decks.add.builtInId', { id }));
    if (storedIds.has(id)) return setProblem(t('decks.add.exists', { id }));
    setSaving(true);
    try {
      // A changed id changes every card id: compile again under it.
      const result = id === state.result.id ? state.result : await read(state.given, id);
      if (!result?.deck) return;
      await storedDeckRepository.save(result.deck, result.files, clock.now());
      setMessage(t('decks.add.saved', { title: localizedText(result.deck.title, lang), count: result.deck.cards.length }));
      setPaste('');
      reset();
    } finally {
      setSaving(false);
    }
  };

  const result = state.status === 'done' ? state.result : null;
  const deck = result?.deck;
  // The preview reads in the UI language where the deck has it, else in its first language.
  const deckLang = deck && !deck.languages.includes(lang) ? (deck.languages[0] ?? lang) : lang;
  return (
    <section className="panel decks-add" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('decks.add.title')}</h2>
      <p>{t('decks.add.help')}</p>
      <div
        className={dragging ? 'decks-drop decks-drop-active' : 'decks-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={ids.files}>{t('decks.add.files')}</label>
        <MarkdownFilesInput id={ids.files} onFiles={(files) => void givenOf(files).then(start)} />
        <p className="decks-drop-hint">{t('decks.add.drop')}</p>
      </div>
      <label htmlFor={ids.paste}>{t('decks.add.paste')}</label>
      <textarea id={ids.paste} className="decks-paste" rows={5} value={paste} onChange={(e) => setPaste(e.target.value)} />
      <p>
        <button type="button" className="button" disabled={paste.trim() === ''} onClick={() => void start([{ name: 'pasted.md', text: paste }])}>
          {t('decks.add.compilePaste')}
        </button>
      </p>
      {state.status === 'reading' && <p aria-live="polite">{t('decks.add.compiling')}</p>}
      {result && <DeckErrors heading={t('decks.add.errors')} errors={result.errors} alert />}
      {result && deck && <DeckErrors heading={t('decks.add.warnings')} errors={result.warnings} />}
      {deck && (
        <div className="decks-preview">
          <p>{t('decks.add.preview', { title: localizedText(deck.title, lang), count: deck.cards.length, sections: deck.sections.length })}</p>
          <DeckPreview deck={deck} lang={deckLang} />
          {/* The id matters only when it clashes: kept out of the way unless something is wrong. */}
          <details className="decks-advanced" open={advanced || problem !== null || !DECK_ID.test(deckId.trim())} onToggle={(e) => setAdvanced(e.currentTarget.open)}>
            <summary>{t('decks.add.advanced')}</summary>
            <label htmlFor={ids.deckId}>{t('decks.add.deckId')}</label>
            <input
              id={ids.deckId}
              type="text"
              value={deckId}
              aria-describedby={ids.help}
              aria-invalid={!DECK_ID.test(deckId.trim())}
              pattern="[a-z0-9][a-z0-9_\-]*"
              onChange={(e) => setDeckId(e.target.value)}
            />
            <p id={ids.help} className="decks-hint">
              {t('decks.add.deckIdHelp')}
            </p>
          </details>
          {problem && <p role="alert">{problem}</p>}
          <p className="button-row">
            <button type="button" className="button button-primary" disabled={saving || !DECK_ID.test(deckId.trim())} onClick={() => void onSave()}>
              {t('decks.add.save')}
            </button>
            <button type="button" className="button" onClick={reset}>
              {t('decks.add.cancel')}
            </button>
          </p>
        </div>
      )}
      {message && (
        <p role="status" className="decks-saved">
          {message}
        </p>
      )}
    </section>
  );
}
