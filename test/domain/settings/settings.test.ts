// The settings model: defaults, clamping, and the day boundary with the device zone as an input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, dayBoundaryOf, normalizeSettings } from '../../../src/domain/settings/settings';
import { balanceOf, schedulerParamsOf } from '../../../src/domain/settings/scheduler-settings';

describe('settings model', () => {
  it('fills in the defaults', () => {
    expect(normalizeSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps every number into its range and drops unknown values', () => {
    expect(
      normalizeSettings({
        language: 'fr' as never,
        desiredRetention: 0.5,
        maximumInterval: -3,
        newPerDay: 1e9,
        maxReviewsPerDay: -1,
        dayStartHour: 24.6,
        theme: 'neon' as never,
        timeZone: 'Bogus/Zone',
      }),
    ).toMatchObject({ language: null, desiredRetention: 0.7, newPerDay: 9999, maxReviewsPerDay: 0, dayStartHour: 23, theme: 'system', timeZone: null });
    expect(normalizeSettings({ newPerDay: Number.NaN }).newPerDay).toBe(DEFAULT_SETTINGS.newPerDay);
  });

  it('balances the load by default, and keeps seven easy-day percentages in 0..100', () => {
    expect(DEFAULT_SETTINGS.loadBalancing).toBe(true);
    expect(DEFAULT_SETTINGS.easyDays).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(normalizeSettings({ loadBalancing: 'no' as never }).loadBalancing).toBe(true);
    expect(normalizeSettings({ easyDays: [100, 100, 100, 100, 100, 49.6, -5] }).easyDays).toEqual([100, 100, 100, 100, 100, 50, 0]);
    expect(normalizeSettings({ easyDays: [0, 0] }).easyDays).toEqual(DEFAULT_SETTINGS.easyDays);
    expect(normalizeSettings({ easyDays: [1, 2, 3, 4, 5, 6, Number.NaN] }).easyDays).toEqual(DEFAULT_SETTINGS.easyDays);
    const s = normalizeSettings({ loadBalancing: false, easyDays: [100, 100, 100, 100, 100, 50, 0] });
    expect(balanceOf(s, null)).toEqual({ enabled: false, easyDays: [1, 1, 1, 1, 1, 0.5, 0], load: null });
  });

  it('uses the device zone unless the settings override it', () => {
    const s = normalizeSettings({ dayStartHour: 5 });
    expect(dayBoundaryOf(s, 'Asia/Tokyo')).toEqual({ timeZone: 'Asia/Tokyo', startHour: 5 });
    expect(dayBoundaryOf({ ...s, timeZone: 'Europe/London' }, 'Asia/Tokyo')).toEqual({ timeZone: 'Europe/London', startHour: 5 });
  });

  it('gives the scheduler the retention, interval and fuzz in force', () => {
    const p = schedulerParamsOf(normalizeSettings({ desiredRetention: 0.85, maximumInterval: 400, enableFuzz: false }));
    expect(p).toMatchObject({ desiredRetention: 0.85, maximumInterval: 400, enableFuzz: false });
  });
});
