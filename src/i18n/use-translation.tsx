// The app's one way from React to i18next: `useTranslation()` gives the typed `t` of the UI
// language and the instance, and re-renders the caller when the language changes or strings are
// added (a lazy screen's set, the other language's on a switch). It replaces react-i18next, of
// which the app used only this hook and the provider: every string is loaded before the screen that
// shows it (src/i18n/setup.ts), so none of its namespace loading, Suspense or Trans is needed, and
// it cost the first visit 1.8 KB gzip.
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

/** Without a provider, the app's instance (the one initI18n sets up). */
const I18nContext = createContext<I18n>(i18next);

export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export interface Translation {
  t: TFunction<'translation', undefined>;
  i18n: I18n;
}

/** Per instance: what the hook returns, replaced on each language change and each set of strings added. */
interface Watch {
  current: Translation;
  listeners: Set<() => void>;
}
const watches = new WeakMap<I18n, Watch>();

function watchOf(i18n: I18n): Watch {
  let watch = watches.get(i18n);
  if (!watch) {
    const fresh = (): Translation => ({ t: i18n.getFixedT(i18n.language, 'translation'), i18n });
    const created: Watch = { current: fresh(), listeners: new Set() };
    // A new `t` for a new language or new strings, as effects that depend on it expect.
    const renew = () => {
      created.current = fresh();
      for (const listener of created.listeners) listener();
    };
    i18n.on('languageChanged', renew);
    // The store exists once the instance is initialised (initI18n runs before the first render).
    if (i18n.store) i18n.store.on('added', renew);
    else i18n.on('initialized', () => i18n.store.on('added', renew));
    watches.set(i18n, created);
    watch = created;
  }
  return watch;
}

export function useTranslation(): Translation {
  const watch = watchOf(useContext(I18nContext));
  const subscribe = useCallback(
    (listener: () => void) => {
      watch.listeners.add(listener);
      return () => void watch.listeners.delete(listener);
    },
    [watch],
  );
  return useSyncExternalStore(subscribe, () => watch.current);
}
