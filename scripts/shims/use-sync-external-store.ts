// React 18+ has useSyncExternalStore built in. wouter and react-i18next import the
// `use-sync-external-store/shim` package for older Reacts; vite.config.ts points that import
// here, so the first visit does not carry a second copy of the hook (0.4 KB gzip).
export { useSyncExternalStore } from 'react';
