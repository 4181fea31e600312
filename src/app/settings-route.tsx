// The settings route: the settings page with the panels the app shell owns (storage status).
import SettingsPage from '../features/settings/settings-page';
import { StorageStatus } from '../components/pwa/storage-status';

export default function SettingsRoute() {
  return <SettingsPage extraPanels={<StorageStatus />} />;
}
