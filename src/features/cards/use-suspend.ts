// Suspend or unsuspend a card from the card browser. A refused write is reported to the app's
// error banner (which says what to do), never swallowed.
import { useCallback, useState } from 'react';
import { reviewRepository } from '../../db/reviews';
import { reportAppError } from '../../hooks/app-errors';

export function useSuspend(cardId: string): { setSuspended: (suspended: boolean) => Promise<void>; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const setSuspended = useCallback(
    async (suspended: boolean) => {
      setBusy(true);
      try {
        await (suspended ? reviewRepository.suspend(cardId, Date.now()) : reviewRepository.unsuspend(cardId, Date.now()));
      } catch (e) {
        reportAppError(e);
      } finally {
        setBusy(false);
      }
    },
    [cardId],
  );
  return { setSuspended, busy };
}
