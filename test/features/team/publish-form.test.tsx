// @vitest-environment jsdom
// The lead's publish form says the compiler's messages in the UI language, as the Decks page
// does, with FILE:LINE and the commands kept (issue 26: they stayed English in the Japanese UI).
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamConfig } from '../../../src/db';
import { PublishForm } from '../../../src/features/team/publish-form';
import { ClockProvider } from '../../../src/hooks/clock';
import { initI18n } from '../../../src/i18n/setup';
import { fixedClock } from '../../clock';

afterEach(cleanup);

const config = { dbUrl: 'https://couch.example.org/kujira-team-x', user: 'lead', lead: true, sharing: false, lastSummaryDay: null } as TeamConfig;
const repeated = '# T\n\n## A\n|Command|Meaning|\n|:--|:--|\n|`a`|x|\n|`a`|y|\n';

async function errorsShown(lang: 'en' | 'ja', fileLabel: string): Promise<string> {
  render(
    <I18nextProvider i18n={initI18n(lang)}>
      <ClockProvider clock={fixedClock(Date.UTC(2026, 11, 7, 12))}>
        <PublishForm config={config} content={null} onDone={() => {}} />
      </ClockProvider>
    </I18nextProvider>,
  );
  await userEvent.upload(screen.getByLabelText(fileLabel), new File([repeated], 'bad.en.md', { type: 'text/markdown' }));
  return (await screen.findByRole('alert')).textContent ?? '';
}

describe('the publish form', () => {
  it('says a compiler error in Japanese in the Japanese UI, FILE:LINE and the command kept', async () => {
    const text = await errorsShown('ja', 'Markdown ファイル');
    expect(text).toContain('bad.en.md:7: コマンド `a` が重複しています: 6 行目にすでにあります');
    expect(text).not.toContain('repeated command');
  });

  it('says it as the compiler wrote it in the English UI', async () => {
    expect(await errorsShown('en', 'Markdown files')).toContain('bad.en.md:7: repeated command `a`: it is already at line 6');
  });
});
