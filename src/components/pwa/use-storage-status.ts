// The storage status for the UI, and the user's "keep my data" request.
import { useCallback, useEffect, useState } from 'react';
import { deviceStorage } from '../../platform/browser';
import { readStorageStatus, requestPersistentStorage, type StorageLike, type StorageStatus } from './storage';

export function useStorageStatus(storage?: StorageLike) {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [requesting, setRequesting] = useState(false);

  useEffect(() => {
    let live = true;
    void readStorageStatus(storage ?? deviceStorage()).then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, [storage]);

  const requestPersistence = useCallback(async () => {
    setRequesting(true);
    const source = storage ?? deviceStorage();
    await requestPersistentStorage(source);
    setStatus(await readStorageStatus(source));
    setRequesting(false);
  }, [storage]);

  return { status, requesting, requestPersistence };
}
