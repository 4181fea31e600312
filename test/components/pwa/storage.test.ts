// Persistent storage requests and status: feature-detected, never throwing, asked on install.
import { describe, expect, it, vi } from 'vitest';
import {
  formatBytes,
  persistWhenInstalled,
  readStorageStatus,
  requestPersistentStorage,
  type StorageLike,
} from '../../../src/components/pwa/storage';

function fakeStorage(overrides: Partial<StorageLike> = {}): StorageLike {
  return {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 1_234_567, quota: 10_000_000_000 })),
    ...overrides,
  };
}

describe('requestPersistentStorage', () => {
  it('asks the browser and returns its answer', async () => {
    const storage = fakeStorage();
    await expect(requestPersistentStorage(storage)).resolves.toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when already persistent', async () => {
    const storage = fakeStorage({ persisted: vi.fn(async () => true) });
    await expect(requestPersistentStorage(storage)).resolves.toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('returns false without a StorageManager or when the browser throws', async () => {
    await expect(requestPersistentStorage(undefined)).resolves.toBe(false);
    await expect(requestPersistentStorage({})).resolves.toBe(false);
    const throwing = fakeStorage({ persist: vi.fn(async () => Promise.reject(new Error('denied'))) });
    await expect(requestPersistentStorage(throwing)).resolves.toBe(false);
  });
});

describe('readStorageStatus', () => {
  it('reports persistence and usage', async () => {
    await expect(readStorageStatus(fakeStorage())).resolves.toEqual({
      supported: true,
      persisted: false,
      usageBytes: 1_234_567,
      quotaBytes: 10_000_000_000,
    });
  });

  it('reports what it cannot know as null', async () => {
    await expect(readStorageStatus(undefined)).resolves.toEqual({
      supported: false,
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
    });
    const failing = fakeStorage({ estimate: vi.fn(async () => Promise.reject(new Error('no'))) });
    await expect(readStorageStatus(failing)).resolves.toMatchObject({ persisted: false, usageBytes: null });
  });
});

describe('persistWhenInstalled', () => {
  it('requests persistence when the app is installed, until unsubscribed', async () => {
    const target = new EventTarget();
    const storage = fakeStorage();
    const stop = persistWhenInstalled(target as unknown as Window, storage);
    target.dispatchEvent(new Event('appinstalled'));
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));
    stop();
    target.dispatchEvent(new Event('appinstalled'));
    await Promise.resolve();
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });
});

describe('formatBytes', () => {
  it('uses decimal units in the UI language', () => {
    expect(formatBytes(0, 'en')).toBe('0 kB');
    expect(formatBytes(2_500, 'en')).toBe('2.5 kB');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(10_000_000_000, 'en')).toBe('10 GB');
    expect(formatBytes(1_234_567, 'ja')).toBe('1.2 MB');
  });
});
