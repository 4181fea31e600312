// Typed translation keys: t('common.nav.home') is checked against the English locale files.
import 'i18next';
import type { BaseResources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: BaseResources;
  }
}
