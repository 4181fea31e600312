// The colour theme on the page: styles.css reads <html data-theme>, where "light" and "dark"
// force a palette and "system" follows prefers-color-scheme. The app shell applies the saved
// theme at start-up; settings apply a change at once.
import type { Theme } from '../domain/settings/settings';

export function applyTheme(theme: Theme): void {
  if (typeof document === 'undefined') return;
  document.documentElement.dataset.theme = theme;
}
