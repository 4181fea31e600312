// The running build, for the settings page's "About" section.
import { useTranslation } from 'react-i18next';
import { BUILD_ID } from './build-info';

export function AppVersion() {
  const { t } = useTranslation();
  return <p className="muted" data-build-id={BUILD_ID}>{t('pwa.version', { version: BUILD_ID })}</p>;
}
