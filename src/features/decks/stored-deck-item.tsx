// One deck added in the app: update it with a new version of its memo (the change report first,
// then the same card sync as start-up, which moves each card's history), export its Markdown
// sources, or remove it (history kept unless the second, explicit choice deletes it).
import { MarkdownFilesInput } from './markdown-files-input';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/ui-language';
import { storedDeckRepository, type StoredDeckSummary } from '../../db';
import type { DeckChanges } from '../../domain/deck/match-cards';
import { localizedText } from '../../domain/deck/localized';
import { deckOwnerOf } from '../../domain/deck/deck-owner';
import type { Deck, Lang } from '../../domain/deck/types';
import { useClock } from '../../hooks/clock';
import { cardLabel, once } from './card-label';
import { DeckErrors } from './deck-errors';
import { downloadText } from '../../components/download';
import { givenOf, loadReader, useReadDeck } from './use-read-deck';

function ChangeList({ heading, cards, lang }: { heading: string; cards: readonly string[]; lang: Lang }) {
  if (cards.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul lang={lang}>
        {cards.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
    </>
  );
}

function ChangeReport({ changes, lang }: { changes: DeckChanges; lang: Lang }) {
  const { t } = useTranslation();
  const added = once(changes.added.map((c) => cardLabel(c, lang)));
  const removed = once(changes.removed.map((c) => cardLabel(c, lang)));
  const reworded = once(changes.reworded.map((p) => `${cardLabel(p.from, lang)} → ${cardLabel(p.to, lang)}`));
  const meaningChanged = once(changes.meaningChanged.map((p) => `${cardLabel(p.from, lang)} → ${cardLabel(p.to, lang)}`));
  return (
    <div className="decks-report">
      <ChangeList heading={t('decks.update.added', { count: added.length })} cards={added} lang={lang} />
      <ChangeList heading={t('decks.update.removed', { count: removed.length })} cards={removed} lang={lang} />
      <ChangeList heading={t('decks.update.reworded', { count: reworded.length })} cards={reworded} lang={lang} />
      <ChangeList heading={t('decks.update.meaningChanged', { count: meaningChanged.length })} cards={meaningChanged} lang={lang} />
      <p>{t('decks.update.unchanged', { count: changes.unchanged })}</p>
    </div>
  );
}

type Pending = { deck: Deck; files: Parameters<typeof storedDeckRepository.save>[1]; changes: DeckChanges };

export function StoredDeckItem({ stored }: { stored: StoredDeckSummary }) {
  const { t } = useTranslation();
  const ids = { update: useId(), title: useId() };
  const deck = stored.deck;
  // The deck is shown in the UI language where it has it, else in its first language.
  const uiLang = useUiLanguage();
  const lang = deck.languages.includes(uiLang) ? uiLang : (deck.languages[0] ?? 'en');
  const title = localizedText(deck.title, lang) || deck.id;
  const owner = deckOwnerOf(deck.id);
  const { state, read, reset } = useReadDeck();
  const clock = useClock();
  const [updating, setUpdating] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [removing, setRemoving] = useState<null | 'ask' | 'delete'>(null);
  const [status, setStatus] = useState<string | null>(null);
  // Cards whose meaning changed go back to learning unless the learner unticks it.
  const [relearn, setRelearn] = useState(true);

  const onFiles = async (files: File[]) => {
    setStatus(null);
    const result = await read(await givenOf(files), deck.id);
    if (!result?.deck) return setPending(null);
    const { changesOf } = await loadReader();
    setPending({ deck: result.deck, files: result.files, changes: changesOf(deck, result.deck) });
  };

  const onApply = async () => {
    if (!pending) return;
    const resetCards = relearn ? pending.changes.meaningChanged.map((p) => p.to.id) : [];
    await storedDeckRepository.save(pending.deck, pending.files, clock.now(), { resetCards });
    setPending(null);
    setUpdating(false);
    reset();
    setStatus(t('decks.update.applied', { title }));
  };

  const onExport = () => {
    for (const f of stored.files) downloadText(f.path.endsWith('.md') ? f.path : `${f.path}.md`, f.text, 'text/markdown');
  };

  const onRemove = async (deleteHistory: boolean) => {
    await storedDeckRepository.remove(deck.id, clock.now(), { deleteHistory });
  };

  const result = state.status === 'done' ? state.result : null;
  return (
    <li className="decks-item" aria-labelledby={ids.title}>
      <h3 id={ids.title} lang={lang}>
        {title}
      </h3>
      <p className="decks-meta">
        {deck.id} · {t('decks.cardCount', { count: deck.cards.length })} · {t('decks.languages', { langs: deck.languages.join(', ') })}
        {owner?.kind === 'team' && <> · <span className="decks-owner">{t('decks.teamOwned', { team: owner.team })}</span></>}
      </p>
      <p className="button-row">
        <button type="button" className="button" aria-expanded={updating} aria-label={t('decks.update.button', { title })} onClick={() => setUpdating((u) => !u)}>
          {t('decks.update.short')}
        </button>
        <button type="button" className="button" aria-label={t('decks.export.button', { title })} onClick={onExport}>
          {t('decks.export.short')}
        </button>
        <button type="button" className="button button-danger" aria-label={t('decks.remove.button', { title })} onClick={() => setRemoving('ask')}>
          {t('decks.remove.short')}
        </button>
      </p>
      {status && <p role="status">{status}</p>}
      {updating && (
        <div className="decks-update">
          <h4>{t('decks.update.title', { title })}</h4>
          <label htmlFor={ids.update}>{t('decks.update.files')}</label>
          <MarkdownFilesInput id={ids.update} onFiles={(files) => void onFiles(files)} />
          {state.status === 'reading' && <p aria-live="polite">{t('decks.add.compiling')}</p>}
          {result && <DeckErrors heading={t('decks.add.errors')} errors={result.errors} alert />}
          {pending && (
            <section aria-label={t('decks.update.report')}>
              <h4>{t('decks.update.report')}</h4>
              {pending.deck.hash === deck.hash ? <p>{t('decks.update.nothing')}</p> : <ChangeReport changes={pending.changes} lang={lang} />}
              {pending.deck.hash !== deck.hash && pending.changes.meaningChanged.length > 0 && (
                <p>
                  <label className="decks-relearn">
                    <input type="checkbox" checked={relearn} onChange={(e) => setRelearn(e.target.checked)} />{' '}
                    {t('decks.update.relearn', { count: pending.changes.meaningChanged.length })}
                  </label>
                  <span className="muted decks-relearn-help">{t('decks.update.relearnHelp')}</span>
                </p>
              )}
              <p className="button-row">
                <button type="button" className="button button-primary" disabled={pending.deck.hash === deck.hash} onClick={() => void onApply()}>
                  {t('decks.update.apply')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setPending(null);
                    reset();
                  }}
                >
                  {t('decks.add.cancel')}
                </button>
              </p>
            </section>
          )}
        </div>
      )}
      {removing && (
        <div className="decks-dialog" role="alertdialog" aria-label={t('decks.remove.button', { title })}>
          {removing === 'ask' ? (
            <>
              <p>{t('decks.remove.confirm', { title })}</p>
              <p className="button-row">
                <button type="button" className="button button-danger" onClick={() => void onRemove(false)}>
                  {t('decks.remove.keep')}
                </button>
                <button type="button" className="button button-danger" onClick={() => setRemoving('delete')}>
                  {t('decks.remove.delete')}
                </button>
                <button type="button" className="button" autoFocus onClick={() => setRemoving(null)}>
                  {t('decks.remove.cancel')}
                </button>
              </p>
            </>
          ) : (
            <>
              <p>{t('decks.remove.deleteConfirm', { title })}</p>
              <p className="button-row">
                <button type="button" className="button button-danger" onClick={() => void onRemove(true)}>
                  {t('decks.remove.deleteYes')}
                </button>
                <button type="button" className="button" autoFocus onClick={() => setRemoving(null)}>
                  {t('decks.remove.cancel')}
                </button>
              </p>
            </>
          )}
        </div>
      )}
    </li>
  );
}
