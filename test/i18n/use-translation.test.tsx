// @vitest-environment jsdom
// useTranslation (src/i18n/use-translation.tsx), the app's hook over i18next: the text follows a
// language switch, and strings added after the first render (a lazy screen's set) show without a
// remount; `t` is a new function after each, as effects that depend on it expect.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from '../../src/i18n/use-translation';

afterEach(cleanup);

/** An instance of its own, with only English's app name: the rest is added by the tests. */
async function instance(): Promise<I18n> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: { common: { appName: 'Kujira (en)' } } } },
    lng: 'en',
    fallbackLng: false,
    initAsync: false,
  });
  return i18n;
}

const seen: unknown[] = [];
function AppName() {
  const { t } = useTranslation();
  seen.push(t);
  return (
    <p>
      {t('common.appName')} / {t('common.loading')}
    </p>
  );
}

describe('useTranslation', () => {
  it('re-renders with a new t when the language changes and when strings are added', async () => {
    const i18n = await instance();
    render(
      <I18nextProvider i18n={i18n}>
        <AppName />
      </I18nextProvider>,
    );
    expect(screen.getByText('Kujira (en) / common.loading')).toBeTruthy();
    const first = seen.at(-1);

    await act(async () => {
      i18n.addResourceBundle('en', 'translation', { common: { loading: 'Loading…' } }, true, false);
    });
    expect(screen.getByText('Kujira (en) / Loading…')).toBeTruthy();
    const afterAdded = seen.at(-1);
    expect(afterAdded).not.toBe(first);

    await act(async () => {
      i18n.addResourceBundle('ja', 'translation', { common: { appName: 'くじら', loading: '読み込み中…' } }, true, false);
      await i18n.changeLanguage('ja');
    });
    expect(screen.getByText('くじら / 読み込み中…')).toBeTruthy();
    expect(seen.at(-1)).not.toBe(afterAdded);
  });
});
