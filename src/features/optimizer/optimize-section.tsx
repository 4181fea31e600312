// Settings -> Personal scheduler, first panel: "Optimize my parameters" (fit FSRS to the learner's
// history in a worker, compare the fitted parameters with those in use, adopt them on click).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FSRS_MODEL } from '../../domain/optimizer/fitted-params';
import { MIN_TRAINING_ITEMS } from '../../domain/optimizer/training-items';
import type { Settings } from '../../domain/settings/settings';
import { useNow } from '../../hooks/clock';
import { useUiLanguage } from '../../i18n/ui-language';
import type { WorkerFactory } from './optimizer-client';
import { Progress } from './optimizer-progress';
import { useOptimizer, type OptimizerState } from './use-optimizer';
import type { OptimizerSource } from './use-optimizer-data';

const fmt3 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '–');

export function OptimizeSection({ source, settings, factory }: { source: OptimizerSource; settings: Settings; factory?: WorkerFactory }) {
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
