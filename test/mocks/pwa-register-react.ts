// A stand-in for vite-plugin-pwa's virtual:pwa-register/react in unit tests (the virtual module
// exists only in a vite build). Tests drive it: `pwaRegister.options.onNeedReload?.()`,
// `pwaRegister.setNeedRefresh(true)`. vitest.config.ts aliases the virtual module to this file.
import { useState, type Dispatch, type SetStateAction } from 'react';
import { vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export const pwaRegister = {
  options: {} as RegisterSWOptions,
  updateServiceWorker: vi.fn(async (_reloadPage?: boolean) => undefined),
  setNeedRefresh: (() => undefined) as Dispatch<SetStateAction<boolean>>,
};

export function useRegisterSW(options: RegisterSWOptions = {}) {
  const needRefresh = useState(false);
  const offlineReady = useState(false);
  pwaRegister.options = options;
  pwaRegister.setNeedRefresh = needRefresh[1];
  return { needRefresh, offlineReady, updateServiceWorker: pwaRegister.updateServiceWorker };
}
