// The personal scheduler panels (src/features/optimizer) load as their own chunk after the rest
// of the settings page: most visits to Settings never use them.
import { lazy, Suspense } from 'react';

const OptimizerPanel = lazy(() => import('../features/optimizer/optimizer-panel'));

export function OptimizerPanelLazy() {
  return (
    <Suspense fallback={null}>
      <OptimizerPanel />
    </Suspense>
  );
}
