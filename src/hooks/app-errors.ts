// Errors the user must see (a write IndexedDB refused, a failed load): features report them here,
// the shell shows the newest as a banner that says what to do. Never swallowed.
import { useSyncExternalStore } from 'react';

type Listener = () => void;

let current: unknown = null;
const listeners = new Set<Listener>();

export function reportAppError(error: unknown): void {
  current = error;
  // Keep a trace for developers too; the banner is what the user sees.
  console.error(error);
  for (const listener of listeners) listener();
}

export function clearAppError(): void {
  current = null;
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAppError(): unknown {
  return useSyncExternalStore(subscribe, () => current, () => null);
}
