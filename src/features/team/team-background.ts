// The team space while its page is closed: on a device that joined a team, after start-up and
// every 30 minutes (and when the browser comes back online), new deck versions are stored and,
// if the member shares, today's summary is written. Loaded lazily by the app only on such a device.
import type { Deck } from '../../domain/deck/types';
import { teamRepository } from '../../db';
import { refreshTeam } from './team-service';

const EVERY_MS = 30 * 60_000;
let started = false;

/** `now` is the app's clock (passed in: this chunk imports no React, so it splits no shared chunk). */
export function resumeTeam(decks: () => readonly Deck[], now: () => number): void {
  if (started) return;
  started = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const round = async () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const config = await teamRepository.config().catch(() => null);
    // Left the team (or storage failed): stop until the next start-up.
    if (!config) {
      started = false;
      window.removeEventListener('online', onOnline);
      return;
    }
    // Offline or signed out: the team page says so when opened; here the next round tries again.
    await refreshTeam(config, decks(), now(), { joinRunning: true }).catch(() => undefined);
    timer = setTimeout(() => void round(), EVERY_MS);
  };
  const onOnline = () => void round();
  window.addEventListener('online', onOnline);
  void round();
}
