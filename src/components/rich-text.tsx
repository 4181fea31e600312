// Card text as React text nodes: `inline code` becomes <code>, line breaks become <br>.
// Nothing from a deck is ever parsed as HTML (no dangerouslySetInnerHTML anywhere).
import { Fragment } from 'react';

export interface RichTextProps {
  text: string;
  className?: string;
  lang?: string;
}

/**
 * Splits on code spans the way Markdown delimits them: a run of N backticks opens a span that
 * the next run of exactly N closes, and one space is stripped from each side when both sides
 * have one (so ``` `` a`b `` ``` is the code `` a`b ``, as the deck compiler writes a key holding
 * a backtick). A run with no closing run stays literal.
 */
export function splitInlineCode(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, len: m[0].length }));
  let last = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    if (!open || open.at < last) continue;
    const j = runs.findIndex((r, k) => k > i && r.len === open.len);
    const close = runs[j];
    if (!close) continue;
    if (open.at > last) parts.push({ code: false, text: text.slice(last, open.at) });
    let inner = text.slice(open.at + open.len, close.at);
    if (inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') inner = inner.slice(1, -1);
    parts.push({ code: true, text: inner });
    last = close.at + close.len;
    i = j;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}

function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

export function RichText({ text, className, lang }: RichTextProps) {
  return (
    <span className={className} lang={lang}>
      {splitInlineCode(text).map((part, i) =>
        part.code ? (
          <code key={i}>
            <Lines text={part.text} />
          </code>
        ) : (
          <Lines key={i} text={part.text} />
        ),
      )}
    </span>
  );
}
