// The app badge: set to the due count, cleared at zero, silent where unsupported or refused.
import { describe, expect, it, vi } from 'vitest';
import { updateAppBadge } from '../../../src/components/pwa/badge';

describe('updateAppBadge', () => {
  it('shows the due count and clears the badge at zero', async () => {
    const nav = { setAppBadge: vi.fn(async () => undefined), clearAppBadge: vi.fn(async () => undefined) };
    await updateAppBadge(12, nav);
    expect(nav.setAppBadge).toHaveBeenCalledWith(12);
    await updateAppBadge(0, nav);
    expect(nav.clearAppBadge).toHaveBeenCalledTimes(1);
  });

  it('does nothing where the Badging API is missing', async () => {
    await expect(updateAppBadge(3, {})).resolves.toBeUndefined();
  });

  it('swallows a refusal (badges are cosmetic)', async () => {
    const nav = { setAppBadge: vi.fn(async () => Promise.reject(new DOMException('no', 'NotAllowedError'))) };
    await expect(updateAppBadge(3, nav)).resolves.toBeUndefined();
  });
});
