// The settings repository's day boundary: the screens' one way to the study day on this device.
import { describe, expect, it } from 'vitest';
import { settingsRepository } from '../../src/db';
import { normalizeSettings } from '../../src/domain/settings/settings';
import { deviceTimeZone } from '../../src/platform/device';

describe('settingsRepository.dayBoundary', () => {
  it("takes the settings' zone when one is set, else the zone start-up installed (test/setup.ts: the device's), with the settings' start hour", () => {
    expect(settingsRepository.dayBoundary(normalizeSettings({ timeZone: 'Asia/Tokyo', dayStartHour: 5 }))).toEqual({ timeZone: 'Asia/Tokyo', startHour: 5 });
    expect(settingsRepository.dayBoundary(normalizeSettings({ timeZone: null, dayStartHour: 4 }))).toEqual({ timeZone: deviceTimeZone(), startHour: 4 });
  });
});
