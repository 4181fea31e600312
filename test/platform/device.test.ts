// Device reads: the zone is a real IANA zone (what Intl reports, or UTC), read again after a minute;
// the network state is the browser's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isValidTimeZone } from '../../src/domain/scheduler/day';
import { deviceOnline } from '../../src/platform/browser';
import { deviceTimeZone } from '../../src/platform/device';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('device time zone', () => {
  it('is the zone Intl reports, cached for a minute', () => {
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0);
    const read = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    const zone = deviceTimeZone();
    expect(isValidTimeZone(zone)).toBe(true);
    expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    read.mockClear();
    vi.setSystemTime(t0 + 30_000);
    deviceTimeZone();
    expect(read).not.toHaveBeenCalled();
    vi.setSystemTime(t0 + 61_000);
    deviceTimeZone();
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('network state', () => {
  it("is the browser's navigator.onLine, and online where there is no browser to ask", () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(deviceOnline()).toBe(false);
    vi.stubGlobal('navigator', { onLine: true });
    expect(deviceOnline()).toBe(true);
    vi.stubGlobal('navigator', undefined);
    expect(deviceOnline()).toBe(true);
  });
});
