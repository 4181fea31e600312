// Editing the settings: the stored settings with the user's latest changes laid over them until
// the live query catches up (so a control never jumps back while its write is in flight).
// A refused write is reported to the app's error banner and the control shows the stored value.
import { useCallback, useEffect, useRef, useState } from 'react';
import { settingsRepository, useSettings } from '../../db';
import type { Settings } from '../../domain/settings/settings';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';

export interface SettingsEditor {
  /** undefined while loading. */
  settings: Settings | undefined;
  update: (patch: Partial<Settings>) => void;
}

type Pending = Partial<Record<keyof Settings, unknown>>;

/** Equal values; lists (the easy days) by their items, since each read makes a new array. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function withoutSettled(pending: Pending, stored: Settings): Pending {
  let changed = false;
  const next: Pending = {};
  for (const [k, v] of Object.entries(pending) as [keyof Settings, unknown][]) {
    if (sameValue(stored[k], v)) changed = true;
    else next[k] = v;
  }
  return changed ? next : pending;
}

export function useSettingsEditor(): SettingsEditor {
  const stored = useSettings();
  const clock = useClock();
  const [pending, setPending] = useState<Pending>({});
  // The latest write per key: an older write that resolves late must not clear a newer value.
  const writes = useRef(new Map<keyof Settings, number>());
  const counter = useRef(0);

  useEffect(() => {
    if (stored) setPending((p) => withoutSettled(p, stored));
  }, [stored, pending]);

  const update = useCallback((patch: Partial<Settings>) => {
    const id = ++counter.current;
    const keys = Object.keys(patch) as (keyof Settings)[];
    for (const k of keys) writes.current.set(k, id);
    setPending((p) => ({ ...p, ...patch }));
    const latest = (k: keyof Settings) => writes.current.get(k) === id;
    settingsRepository.update(patch, clock.now()).then(
      (next) => {
        // What was stored may be clamped: show that once the live query agrees.
        setPending((p) => {
          const out = { ...p };
          for (const k of keys) if (latest(k)) out[k] = next[k];
          return out;
        });
      },
      (e: unknown) => {
        reportAppError(e);
        setPending((p) => {
          const out = { ...p };
          for (const k of keys) if (latest(k)) delete out[k];
          return out;
        });
      },
    );
  }, [clock]);

  const settings = stored ? ({ ...stored, ...pending } as Settings) : undefined;
  return { settings, update };
}
