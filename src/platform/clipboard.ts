// The clipboard, for the team roster's "Copy link": apart from ./browser.ts so that each lands in
// the lazy chunk of the screens that use it.

/** Puts `text` on the clipboard; rejects where the browser refuses (no permission, not a secure page). */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
