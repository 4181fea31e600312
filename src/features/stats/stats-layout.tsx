// The statistics page's building blocks: a titled section, and a chart's numbers as a table
// behind a "Show table" disclosure (every chart is hidden from screen readers; the table is not).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel stats-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function TableDetails({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="stats-table">
      <summary>{t('stats.showTable')}</summary>
      <table>
        <caption>{caption}</caption>
        {children}
      </table>
    </details>
  );
}
