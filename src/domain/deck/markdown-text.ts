// Markdown -> mdast, and mdast -> the plain text cards carry. Cards are plain text (inline code
// kept in backticks); `<br>` becomes a line break and every other HTML tag stays literal text,
// so nothing in a memo can ever reach the page as markup.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes, Root } from 'mdast';

// Only the GFM table syntax is needed (the rest of GFM would come out as plain text anyway);
// leaving out autolink literals, footnotes and the like halves the parse time of large memos.
// Both packages are the ones micromark-extension-gfm / mdast-util-gfm themselves use.
const OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, OPTIONS);
}

const BR = /^<br\s*\/?>$/i;

function codeSpan(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function render(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.value);
      return;
    case 'inlineCode':
      out.push(codeSpan(node.value));
      return;
    case 'html':
      out.push(BR.test(node.value.trim()) ? '\n' : node.value);
      return;
    case 'break':
      out.push('\n');
      return;
    case 'image':
      out.push(node.alt ?? '');
      return;
    case 'code':
      out.push('\n', node.value, '\n');
      return;
    case 'footnoteReference':
    case 'imageReference':
    case 'definition':
    case 'thematicBreak':
      return;
    case 'list':
      for (const item of node.children) {
        out.push('\n- ');
        render(item, out);
      }
      out.push('\n');
      return;
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      for (const child of node.children) render(child, out);
      out.push('\n');
      return;
    default:
      if ('children' in node) {
        for (const child of node.children as Nodes[]) render(child, out);
      } else if ('value' in node && typeof node.value === 'string') {
        out.push(node.value);
      }
  }
}

/** Tidy rendered text: trim every line, drop blank lines, trim the whole. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The plain text of a node (and its descendants), tidied. */
export function nodeText(node: Nodes): string {
  const out: string[] = [];
  render(node, out);
  return tidyText(out.join(''));
}

/** The plain text of several sibling nodes, one block per line. */
export function nodesText(nodes: readonly Nodes[]): string {
  const out: string[] = [];
  for (const node of nodes) {
    render(node, out);
    out.push('\n');
  }
  return tidyText(out.join(''));
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}
