// Settings -> Personal scheduler: its two panels, "Optimize my parameters" (optimize-section.tsx)
// and the desired retention helper (retention-helper-section.tsx), over one read of the learner's
// history. Mounted by the app's settings route.
import { useSettings } from '../../db';
import type { WorkerFactory } from './optimizer-client';
import { OptimizeSection } from './optimize-section';
import { RetentionHelperSection } from './retention-helper-section';
import { useOptimizerSource } from './use-optimizer-data';
import './optimizer.css';

export interface OptimizerPanelProps {
  /** Tests pass a worker stand-in. */
  workerFactory?: WorkerFactory;
}

export default function OptimizerPanel({ workerFactory }: OptimizerPanelProps) {
  const settings = useSettings();
  const source = useOptimizerSource();
  if (!settings) return null;
  return (
    <>
      <OptimizeSection source={source} settings={settings} factory={workerFactory} />
      <RetentionHelperSection source={source} settings={settings} factory={workerFactory} />
    </>
  );
}
