// Suspend or unsuspend a card from the card browser. A refused write is reported to the app's
// error banner (which says what to do), never swallowed.
import { useCallback, useState } from 'react';
import { reviewRepository } from '../../db';
import { reportAppError } from '../../hooks/app-errors';
import { useClock } from '../../hooks/clock';

export function useSuspend(cardId: string): { setSuspended: (suspended: boolean) => Promise<void>; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const clock = useClock();
  const setSuspended = useCallback(
    async (suspended: boolean) => {
      setBusy(true);
      try {
        await (suspended ? reviewRepository.suspend(cardId, clock.now()) : reviewRepository.unsuspend(cardId, clock.now()));
      } catch (e) {
        reportAppError(e);
      } finally {
        setBusy(false);
      }
    },
    [cardId, clock],
  );
  return { setSuspended, busy };
}
