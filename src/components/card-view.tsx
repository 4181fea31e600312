// One card's content in the chosen language (and, if asked, the other language under it):
// the question, and once revealed the answer, the memo's note and any correction set apart.
// Used by review, the card browser and onboarding lessons; the quiz feedback reuses CorrectionBox.
import { useTranslation } from 'react-i18next';
import type { Card, Lang, Localized } from '../domain/deck/types';
import { RichText } from './rich-text';
import { pickLocalized } from '../domain/deck/localized';
import { frontIn } from '../domain/deck/prompts';

export interface CardViewProps {
  card: Card;
  lang: Lang;
  showBoth: boolean;
  revealed: boolean;
}

export function LocalizedText({ text, lang, showBoth }: { text: Localized | undefined; lang: Lang; showBoth: boolean }) {
  const main = pickLocalized(text, lang);
  if (!main) return null;
  const otherLang: Lang = main.lang === 'ja' ? 'en' : 'ja';
  const second = showBoth ? text?.[otherLang] : undefined;
  return (
    <>
      <RichText text={main.text} lang={main.lang} />
      {second && <RichText className="second-lang" text={second} lang={otherLang} />}
    </>
  );
}

/**
 * A card's correction, set apart; where the deck rewrote the memo's words (`memo`), they follow
 * as "the memo says" so the learner sees what was corrected. Nothing when the card has none.
 */
export function CorrectionBox({ card, lang, showBoth }: { card: Card; lang: Lang; showBoth: boolean }) {
  const { t } = useTranslation();
  if (!pickLocalized(card.correction, lang)) return null;
  return (
    <aside className="correction" aria-label={t('cards.view.correction')}>
      <span className="correction-title">{t('cards.view.correction')}</span>
      <LocalizedText text={card.correction} lang={lang} showBoth={showBoth} />
      {pickLocalized(card.memo, lang) && (
        <p className="correction-memo muted">
          <span>{t('cards.view.memoSays')} </span>
          <LocalizedText text={card.memo} lang={lang} showBoth={showBoth} />
        </p>
      )}
    </aside>
  );
}

export function CardView({ card, lang, showBoth, revealed }: CardViewProps) {
  const { t } = useTranslation();
  return (
    <div className="card-view">
      <div className="card-front" aria-label={t('cards.view.question')} role="group">
        <LocalizedText text={frontIn(card, lang)} lang={lang} showBoth={showBoth} />
      </div>
      {/* The answer area keeps its space before it is revealed, so nothing shifts. */}
      <div className="card-back" aria-live="polite" data-revealed={revealed}>
        {revealed && (
          <>
            <hr className="card-divider" />
            <div role="group" aria-label={t('cards.view.answer')} className="card-answer">
              <LocalizedText text={card.back} lang={lang} showBoth={showBoth} />
            </div>
            {pickLocalized(card.note, lang) && (
              <p className="note">
                <span className="visually-hidden">{t('cards.view.note')}: </span>
                <LocalizedText text={card.note} lang={lang} showBoth={showBoth} />
              </p>
            )}
            <CorrectionBox card={card} lang={lang} showBoth={showBoth} />
          </>
        )}
      </div>
    </div>
  );
}
