// What the quiz may do with a fact's answer, shared by the deck compiler (which warns) and the
// quiz (which obeys): whether a fact card is an authored question, and whether its answer stands
// on its own or leans on its own question's context ("it", "both", 「その」), so that offered as a
// wrong choice under another question its referent would change ("run several copies of it"
// under "how does Docker deal with a shared dependency?" reads right). Pure and small: the quiz
// bundle imports it.
import type { Lang } from './types';

/** An authored question (`q:<id>`, or the k-th unnamed question `c:<hash>?<k>`), not a memo line or a blank. */
export function isAuthoredQuestionKey(key: string): boolean {
  return key.startsWith('q:') || /\?\d+$/.test(key);
}

/** Words that point back at something the text itself does not name. */
const EN_CONTEXT = new Set(['it', 'its', "it's", 'they', 'them', 'their', 'theirs', 'both', 'there', 'these', 'those', 'ones', 'he', 'she', 'him', 'his', 'her']);
const JA_CONTEXT = ['それ', 'その', 'これ', 'この', 'あれ', 'あの', '両方', '両者', 'どちらも', '前者', '後者', '同様'];
/** Words that hold one of those letters without pointing anywhere (おそれ: a risk). */
const JA_NOT_CONTEXT = /おそれ/g;

/**
 * The first word of `text` that leans on a context the text does not give (a pronoun, "both"),
 * or null when the text stands on its own. Inline code is not read (`docker run` holds no words).
 */
export function leansOnContext(text: string, lang: Lang): string | null {
  const prose = text.replace(/`[^`]*`/g, ' ');
  if (lang === 'ja') {
    const ja = prose.replace(JA_NOT_CONTEXT, ' ');
    return JA_CONTEXT.find((w) => ja.includes(w)) ?? null;
  }
  for (const word of prose.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []) if (EN_CONTEXT.has(word)) return word;
  return null;
}
