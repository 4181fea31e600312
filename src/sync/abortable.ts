// A promise that settles when its signal aborts, whatever the work under it does. Stopping sync
// must not depend on every fetch honouring its signal: Node 20's fetch (undici 6) never settles a
// body read that is under way when the signal aborts after the whole answer arrived
// (nodejs/undici#4089), and a fetch of the browser's own can wait minutes on a silent host. The
// work is left to finish on its own; its result is dropped.

/** `work`'s result, or a rejection with the signal's reason as soon as `signal` aborts. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
