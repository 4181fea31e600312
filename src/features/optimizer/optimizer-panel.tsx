// Settings -> Personal scheduler: "Optimize my parameters" (fit FSRS to the learner's history in
// a worker, compare, adopt on click) and the desired retention helper (simulate a year for each
// retention, apply one globally or to a deck). Mounted by the app's settings route.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../db';
import { FSRS_MODEL } from '../../domain/optimizer/fitted-params';
import { RECOMMEND_WITHIN, SIMULATION_DAYS } from '../../domain/optimizer/simulate';
import { MIN_TRAINING_ITEMS } from '../../domain/optimizer/training-items';
import { useDecks } from '../../hooks/use-decks';
import { useNow } from '../../hooks/clock';
import { localizedText } from '../../domain/deck/localized';
import { useUiLanguage } from '../../i18n/ui-language';
import type { WorkerFactory } from './optimizer-client';
import { RetentionChart } from './retention-chart';
import { useOptimizer, type OptimizerState } from './use-optimizer';
import { useOptimizerSource, type OptimizerSource } from './use-optimizer-data';
import { useRetentionHelper, type HelperState } from './use-retention-helper';
import type { Settings } from '../../domain/settings/settings';
import './optimizer.css';

export interface OptimizerPanelProps {
  /** Tests pass a worker stand-in. */
  workerFactory?: WorkerFactory;
}

const fmt3 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '–');
const pct = (r: number) => Math.round(r * 100);

function Progress({ label, done, total, text, onCancel }: { label: string; done: number; total: number; text: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="optimizer-progress">
      {total > 0 && done > 0 ? <progress aria-label={label} value={done} max={total} /> : <progress aria-label={label} />}
      <p aria-live="polite">{text}</p>
      <button type="button" className="button" onClick={onCancel}>
        {t('optimizer.cancel')}
      </button>
    </div>
  );
}

function OptimizeSection({ source, settings, factory }: { source: OptimizerSource; settings: Settings; factory?: WorkerFactory }) {
  const { t } = useTranslation();
  const id = useId();
  const opt = useOptimizer(source, settings, factory);
  const { data, reviewCount } = source;
  const fewReviews = reviewCount !== undefined && reviewCount < MIN_TRAINING_ITEMS;
  const params = settings.fsrsParams;
  const inUse = params === null ? t('optimizer.inUse.default') : params.model === FSRS_MODEL ? t('optimizer.inUse.personal') : t('optimizer.inUse.otherModel', { model: params.model });
  return (
    <section className="panel optimizer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('optimizer.title')}</h2>
      <p className="muted">{t('optimizer.intro')}</p>
      <p data-testid="optimizer-in-use">{inUse}</p>
      {params !== null && params.model === FSRS_MODEL && (
        <details>
          <summary>{t('optimizer.weights')}</summary>
          <p className="optimizer-weights">{params.weights.join(', ')}</p>
        </details>
      )}
      {reviewCount === undefined ? (
        <p aria-live="polite">{t('optimizer.loadingHistory')}</p>
      ) : data !== undefined ? (
        <p>{t('optimizer.history', { count: data.reviews, items: data.items })}</p>
      ) : (
        <p>{t('optimizer.reviewCount', { count: reviewCount })}</p>
      )}
      {fewReviews && (
        <p className="muted" id={`${id}-why`}>
          {t('optimizer.tooFewReviews', { min: MIN_TRAINING_ITEMS, count: reviewCount })}
        </p>
      )}
      {opt.state.status !== 'running' && (
        <div className="optimizer-actions">
          <button type="button" className="button button-primary" onClick={opt.start} disabled={!opt.canRun} aria-describedby={fewReviews ? `${id}-why` : undefined}>
            {t('optimizer.optimize')}
          </button>
          {params !== null && (
            <button type="button" className="button" onClick={opt.useDefaults}>
              {t('optimizer.useDefaults')}
            </button>
          )}
        </div>
      )}
      <OptimizeStatus state={opt.state} items={data?.items ?? 0} onCancel={opt.cancel} onAdopt={opt.adopt} />
    </section>
  );
}

/** The fit in progress; fsrs-rs's one long call shows its elapsed seconds. */
function Running({ state, items, onCancel }: { state: Extract<OptimizerState, { status: 'running' }>; items: number; onCancel: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const seconds = Math.max(0, Math.round((now - state.since) / 1000));
  const text =
    state.phase === 'training'
      ? t('optimizer.phase.training', { items, seconds })
      : state.phase === 'simulating'
        ? t('optimizer.phase.simulating', { done: state.done, total: state.total })
        : t(`optimizer.phase.${state.phase as 'reading' | 'loading' | 'evaluating'}`);
  return <Progress label={t('optimizer.progressLabel')} done={state.done} total={state.total} text={text} onCancel={onCancel} />;
}

function OptimizeStatus({ state, items, onCancel, onAdopt }: { state: OptimizerState; items: number; onCancel: () => void; onAdopt: () => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  switch (state.status) {
    case 'running':
      return <Running state={state} items={items} onCancel={onCancel} />;
    case 'too-few':
      return <p role="status">{t('optimizer.tooFew', { min: MIN_TRAINING_ITEMS, items: state.items })}</p>;
    case 'done': {
      const { result } = state;
      if (!result.candidate || !result.weights) return <p role="status">{t('optimizer.noResult')}</p>;
      // The verdict first, in plain words; the figures it rests on below.
      const gain = (result.current.logLoss - result.candidate.logLoss) / result.current.logLoss;
      return (
        <div className="optimizer-result">
          <p role="status" className="optimizer-verdict">
            {state.better && Number.isFinite(gain) && gain > 0
              ? t('optimizer.betterBy', { percent: new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(gain * 100) })
              : state.better
                ? t('optimizer.better')
                : t('optimizer.notBetter')}
          </p>
          {state.better && (
            <button type="button" className="button button-primary" onClick={onAdopt}>
              {t('optimizer.adopt')}
            </button>
          )}
          <table className="optimizer-compare">
            <caption>{t('optimizer.compare.caption', { count: result.current.count })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('optimizer.compare.metric')}</th>
                <th scope="col">{t('optimizer.compare.current')}</th>
                <th scope="col">{t('optimizer.compare.candidate')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('optimizer.compare.logLoss')}</th>
                <td data-testid="logloss-current">{fmt3(result.current.logLoss)}</td>
                <td data-testid="logloss-new">{fmt3(result.candidate.logLoss)}</td>
              </tr>
              <tr>
                <th scope="row">{t('optimizer.compare.rmse')}</th>
                <td data-testid="rmse-current">{fmt3(result.current.rmseBins)}</td>
                <td data-testid="rmse-new">{fmt3(result.candidate.rmseBins)}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted">{t('optimizer.compare.explain')}</p>
          <p className="muted">{t('optimizer.trainedIn', { seconds: (result.trainMs / 1000).toFixed(1) })}</p>
        </div>
      );
    }
    case 'adopted':
      return <p role="status">{t('optimizer.adopted')}</p>;
    case 'defaults':
      return <p role="status">{t('optimizer.defaultsRestored')}</p>;
    case 'cancelled':
      return <p role="status">{t('optimizer.cancelled')}</p>;
    case 'error':
      return (
        <p role="alert">{state.kind === 'wasm' ? t('optimizer.unavailable') : t('optimizer.failed', { message: state.message })}</p>
      );
    default:
      return null;
  }
}

function HelperSection({ source, settings, factory }: { source: OptimizerSource; settings: Settings; factory?: WorkerFactory }) {
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

export default function OptimizerPanel({ workerFactory }: OptimizerPanelProps) {
  const settings = useSettings();
  const source = useOptimizerSource();
  if (!settings) return null;
  return (
    <>
      <OptimizeSection source={source} settings={settings} factory={workerFactory} />
      <HelperSection source={source} settings={settings} factory={workerFactory} />
    </>
  );
}
