// What the app shell mounts once for the PWA: the update notice, and a persistent-storage
// request when the app gets installed.
import { useEffect } from 'react';
import { persistWhenInstalled } from './storage';
import { UpdatePrompt } from './update-prompt';

export function PwaShell() {
  useEffect(() => persistWhenInstalled(window), []);
  return <UpdatePrompt />;
}

export default PwaShell;
