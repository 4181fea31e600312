// The lead's publish form: a deck's Markdown compiled here first (errors as FILE:LINE and nothing
// published), then published or updated as the team's next version.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamCache, TeamConfig } from '../../db';
import { buildLessons } from '../../domain/onboarding/lessons';
import { newestDecks, publishedDeckId } from '../../domain/team/documents';
import { deckOwnerOf, teamDeckId } from '../../domain/deck/deck-owner';
import type { ReadDeckFilesResult } from '../../domain/deck/read-deck-files';
import { deckMessageIn } from '../../i18n/deck-messages';
import { useUiLanguage } from '../../i18n/ui-language';
import { useClock } from '../../hooks/clock';
import { publishDeck, teamKeyOf } from './team-service';
import { errorReason } from './use-team';

export function PublishForm({ config, content, onDone }: { config: TeamConfig; content: TeamCache | null; onDone: () => void }) {
  const { t } = useTranslation();
  // Compiler messages in the UI language, FILE:LINE as they are (as on the Decks page).
  const lang = useUiLanguage();
  const clock = useClock();
  const [files, setFiles] = useState<File[]>([]);
  const [deckId, setDeckId] = useState('');
  const [read, setRead] = useState<ReadDeckFilesResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = content ? newestDecks(content.decks).map((d) => publishedDeckId(d.deckId)) : [];

  async function check(chosen: readonly File[] = files): Promise<ReadDeckFilesResult | null> {
    if (chosen.length === 0) return null;
    const given = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
    // The compiler is a lazy chunk, shared with the Decks page.
    const { readDeckFiles } = await import('../../domain/deck/read-deck-files');
    const r = readDeckFiles(given, deckId.trim() || undefined);
    setRead(r);
    return r;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const r = await check();
      if (!r?.deck) return;
      const doc = await publishDeck(config, content ?? { decks: [], assignments: [], pulledAt: 0 }, r.deck.id, r.files, clock.now());
      setMessage(t('team.publish.done', { deck: doc.deckId, version: doc.version }));
      setFiles([]);
      setRead(null);
      onDone();
    } catch (err) {
      setMessage(t(`team.status.error.${errorReason(err)}` as 'team.status.error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel team-form no-print" onSubmit={(e) => void onSubmit(e)} aria-labelledby="team-publish">
      <h2 id="team-publish">{t('team.publish.heading')}</h2>
      <label>
        <span>{t('team.publish.files')}</span>
        <input
          type="file"
          accept=".md,.markdown,text/markdown,text/plain"
          multiple
          onChange={(e) => {
            // Checked at once, so what publishing will do (errors, a built-in deck beside it) shows first.
            const chosen = [...(e.target.files ?? [])];
            setFiles(chosen);
            setRead(null);
            void check(chosen);
          }}
        />
      </label>
      <label>
        <span>{t('team.publish.deck')}</span>
        <input type="text" list="team-deck-ids" autoCapitalize="none" spellCheck={false} value={deckId} onChange={(e) => setDeckId(e.target.value)} aria-describedby="team-deck-help" />
      </label>
      <datalist id="team-deck-ids">{existing.map((id) => <option key={id} value={id} />)}</datalist>
      <p id="team-deck-help" className="muted">{t('team.publish.deckHelp')}</p>
      {read && read.errors.length > 0 && (
        <div role="alert" className="team-errors">
          <p>{t('team.publish.errors')}</p>
          <ul>{read.errors.map((e) => `${e.file}:${e.line}: ${deckMessageIn(e.message, lang)}`).map((m) => <li key={m}><code>{m}</code></li>)}</ul>
        </div>
      )}
      {read?.deck && <p role="status">{t('team.publish.ready', { deck: read.deck.id, cards: read.deck.cards.length, lessons: buildLessons(read.deck).length })}</p>}
      {read?.deck && deckOwnerOf(read.deck.id)?.kind === 'built-in' && (
        <p className="team-note" data-testid="team-publish-beside">{t('team.publish.besideBuiltIn', { deck: read.deck.id, id: teamDeckId(teamKeyOf(config.dbUrl), read.deck.id) })}</p>
      )}
      {message && <p role="status">{message}</p>}
      <div className="team-actions">
        <button type="button" className="button" disabled={files.length === 0 || busy} onClick={() => void check()}>{t('team.publish.check')}</button>
        <button type="submit" className="button button-primary" disabled={files.length === 0 || busy}>{t('team.publish.submit')}</button>
      </div>
    </form>
  );
}
