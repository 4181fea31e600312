// Settings -> Personal scheduler, second panel: the desired retention helper (simulate a year for
// each retention in a worker, apply one globally or to a deck).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedText } from '../../domain/deck/localized';
import { RECOMMEND_WITHIN, SIMULATION_DAYS } from '../../domain/optimizer/simulate';
import type { Settings } from '../../domain/settings/settings';
import { useDecks } from '../../hooks/use-decks';
import { useNow } from '../../hooks/clock';
import { useUiLanguage } from '../../i18n/ui-language';
import type { WorkerFactory } from './optimizer-client';
import { Progress } from './optimizer-progress';
import { RetentionChart } from './retention-chart';
import type { OptimizerSource } from './use-optimizer-data';
import { useRetentionHelper, type HelperState } from './use-retention-helper';

const pct = (r: number) => Math.round(r * 100);

export function RetentionHelperSection({ source, settings, factory }: { source: OptimizerSource; settings: Settings; factory?: WorkerFactory }) {
  const { t } = useTranslation();
  const id = useId();
  const now = useNow();
  const lang = useUiLanguage();
  const { decks } = useDecks();
  const helper = useRetentionHelper(source, settings, now, factory);
  const deckOwn = helper.deckId !== null ? settings.deckRetention[helper.deckId] : undefined;
  const current = deckOwn ?? settings.desiredRetention;
  return (
    <section className="panel optimizer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('optimizer.helper.title')}</h2>
      <p className="muted">{t('optimizer.helper.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-deck`}>{t('optimizer.helper.deck')}</label>
        <select id={`${id}-deck`} value={helper.deckId ?? ''} onChange={(e) => helper.setDeckId(e.target.value === '' ? null : e.target.value)}>
          <option value="">{t('optimizer.helper.allDecks')}</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {localizedText(d.title, lang) || d.id}
            </option>
          ))}
        </select>
      </div>
      <p>
        {deckOwn !== undefined ? t('optimizer.helper.deckOwn', { percent: pct(deckOwn) }) : t('optimizer.helper.current', { percent: pct(current) })}
      </p>
      {deckOwn !== undefined && (
        <button type="button" className="button" onClick={helper.clearDeck}>
          {t('optimizer.helper.useGlobal')}
        </button>
      )}
      {helper.state.status !== 'running' && (
        <div className="optimizer-actions">
          <button type="button" className="button button-primary" onClick={helper.run}>
            {t('optimizer.helper.run')}
          </button>
        </div>
      )}
      <HelperStatus state={helper.state} onCancel={helper.cancel} onApply={helper.apply} forDeck={helper.deckId !== null} />
    </section>
  );
}

function HelperStatus({ state, onCancel, onApply, forDeck }: { state: HelperState; onCancel: () => void; onApply: (r: number) => void; forDeck: boolean }) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'running':
      return (
        <Progress
          label={t('optimizer.progressLabel')}
          done={state.done}
          total={state.total}
          text={t('optimizer.phase.simulating', { done: state.done, total: state.total })}
          onCancel={onCancel}
        />
      );
    case 'done': {
      const { sweep } = state;
      if (state.cards === 0 || sweep.best === null) return <p role="status">{t('optimizer.helper.nothing')}</p>;
      const best = sweep.best;
      const recommended = sweep.recommended ?? best;
      return (
        <div className="optimizer-result">
          <p role="status" data-testid="helper-recommended">
            {t('optimizer.helper.recommended', { percent: pct(recommended), within: Math.round(RECOMMEND_WITHIN * 100) })}
          </p>
          <p className="muted" data-testid="helper-best">
            {sweep.bestAtFloor ? t('optimizer.helper.atFloor', { percent: pct(best) }) : t('optimizer.helper.best', { percent: pct(best) })}
          </p>
          <RetentionChart results={sweep.results} best={recommended} days={SIMULATION_DAYS} label={t('optimizer.helper.chartLabel', { best: pct(recommended) })} axes={t('optimizer.helper.axes')} />
          <div className="optimizer-table-wrap">
            <table className="visually-hidden" data-testid="helper-table">
              <caption>{t('optimizer.helper.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('optimizer.helper.retention')}</th>
                  <th scope="col">{t('optimizer.helper.reviewsPerDay')}</th>
                  <th scope="col">{t('optimizer.helper.minutesPerDay')}</th>
                  <th scope="col">{t('optimizer.helper.remembered')}</th>
                  <th scope="col">{t('optimizer.helper.secondsPerCard')}</th>
                </tr>
              </thead>
              <tbody>
                {sweep.results.map((r) => (
                  <tr key={r.retention}>
                    <th scope="row">
                      {pct(r.retention)}%{r.retention === best ? ` (${t('optimizer.helper.bestMark')})` : ''}
                      {r.retention === recommended ? ` (${t('optimizer.helper.recommendedMark')})` : ''}
                    </th>
                    <td>{(r.totalReviews / SIMULATION_DAYS).toFixed(1)}</td>
                    <td>{(r.totalSeconds / 60 / SIMULATION_DAYS).toFixed(1)}</td>
                    <td>{r.remembered.toFixed(0)}</td>
                    <td>{r.secondsPerRemembered.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('optimizer.helper.simulatedIn', { cards: state.cards, seconds: (state.ms / 1000).toFixed(1) })}</p>
          <p className="muted">
            {t('optimizer.helper.costs', {
              recall: state.costs.recallSeconds.toFixed(0),
              forget: state.costs.forgetSeconds.toFixed(0),
              learn: state.costs.learnSeconds.toFixed(0),
            })}
          </p>
          <button type="button" className="button button-primary" onClick={() => onApply(recommended)}>
            {forDeck ? t('optimizer.helper.useForDeck', { percent: pct(recommended) }) : t('optimizer.helper.useForAll', { percent: pct(recommended) })}
          </button>
        </div>
      );
    }
    case 'applied':
      return <p role="status">{t('optimizer.helper.applied', { percent: state.percent })}</p>;
    case 'cancelled':
      return <p role="status">{t('optimizer.cancelled')}</p>;
    case 'error':
      return <p role="alert">{state.kind === 'wasm' ? t('optimizer.unavailable') : t('optimizer.failed', { message: state.message })}</p>;
    default:
      return null;
  }
}
