// The settings route: the settings page with the panels other features own (storage status,
// the onboarding welcome, the app version). Features do not import each other; the app composes.
import SettingsPage from '../features/settings/settings-page';
import { ShowWelcomeAgainButton } from '../features/onboarding/show-welcome-again-button';
import { BackupPanel } from '../features/backup/backup-panel';
import { RepairPanel } from '../features/backup/repair-panel';
import { StorageStatus } from '../components/pwa/storage-status';
import { AppVersion } from '../components/pwa/app-version';
import { OptimizerPanelLazy } from './optimizer-panel-lazy';
import { SyncSummary } from '../features/sync/sync-summary';
import { TeamSummary } from '../features/team/team-summary';

export default function SettingsRoute() {
  return (
    <SettingsPage
      schedulerPanels={<OptimizerPanelLazy />}
      extraPanels={
        <>
          <SyncSummary />
          <TeamSummary />
          <StorageStatus backupHref="#backup" />
          <BackupPanel />
          <RepairPanel />
          <section className="panel">
            <ShowWelcomeAgainButton />
          </section>
          <AppVersion />
        </>
      }
    />
  );
}
