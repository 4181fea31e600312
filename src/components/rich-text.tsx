// Card text as React text nodes: `inline code` becomes <code>, line breaks become <br>.
// Nothing from a deck is ever parsed as HTML (no dangerouslySetInnerHTML anywhere).
import { Fragment } from 'react';

export interface RichTextProps {
  text: string;
  className?: string;
  lang?: string;
}

/** Splits on backtick pairs; an unmatched backtick stays literal. */
export function splitInlineCode(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
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
