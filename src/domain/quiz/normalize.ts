// Text normalization shared by the answer checker and the distractor picker: two strings that
// normalize to the same value are "the same answer" (so never both offered as choices).

/**
 * Command comparison form: NFKC (full-width IME input and the ideographic space become ASCII),
 * case folded, whitespace runs collapsed, wrapping backticks dropped.
 */
export function normalizeCommand(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^`+|`+$/g, '')
    .trim();
}

/** Prose comparison form (choice texts): as commands, and a trailing full stop does not count. */
export function normalizeText(text: string): string {
  return normalizeCommand(text).replace(/[。.]$/u, '').trim();
}

/** Collapse whitespace and trim, keeping case (what the learner sees of their own input). */
export function cleanInput(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/^`+|`+$/g, '').trim();
}

const SUDO = /^sudo /;
const SYSTEMCTL = /^(sudo )?systemctl( |$)/;

/** True when `sudo ` in front of this (normalized) command is optional: systemctl commands. */
export function sudoIsOptional(normalized: string): boolean {
  return SYSTEMCTL.test(normalized);
}

/**
 * The comparison form of a typed command: normalized, and for systemctl commands without the
 * leading `sudo ` (the memo writes it, a root shell does not need it; both are right).
 */
export function normalizeAnswer(text: string): string {
  const n = normalizeCommand(text);
  return sudoIsOptional(n) ? n.replace(SUDO, '') : n;
}


