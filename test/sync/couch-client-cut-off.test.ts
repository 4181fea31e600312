// An answer whose connection drops while its body is read (a train's tunnel, a server restarted
// mid-answer) is a network failure that passes with time, not a server speaking nonsense: sync
// retries it instead of stopping with "the answer is not JSON".
import { describe, expect, it } from 'vitest';
import { CouchClient } from '../../src/sync/couch-client';
import { SyncError } from '../../src/sync/errors';

/** A 200 answer that sends the start of its JSON, then loses its connection. */
function cutOffAnswer(): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"results":[{"seq":"1-a","id":"e-1"'));
      } else controller.error(new TypeError('terminated'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

const client = (answer: () => Response) => new CouchClient('https://couch.example.org/kujira-alice', async () => answer());

async function failureOf(p: Promise<unknown>): Promise<SyncError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SyncError);
  return e as SyncError;
}

describe('CouchClient: an answer cut off mid-body', () => {
  it('is a network failure worth retrying, with and without a byte cap', async () => {
    for (const maxBytes of [1_000_000, undefined]) {
      const e = await failureOf(client(cutOffAnswer).changes('0', { limit: 10, ...(maxBytes !== undefined ? { maxBytes } : {}) }));
      expect(e.kind).toBe('network');
      expect(e.transient).toBe(true);
      expect(e.message).toMatch(/cut off/);
    }
  });

  it('keeps a complete answer that is not JSON a protocol fault that needs a person', async () => {
    const e = await failureOf(client(() => new Response('<html>proxy login</html>', { status: 200 })).changes('0', { limit: 10, maxBytes: 1_000_000 }));
    expect(e.kind).toBe('protocol');
    expect(e.transient).toBe(false);
    expect(e.message).toMatch(/not JSON/);
  });
});
