// Where each direction of replication resumes. Push and pull keep their checkpoint on both sides,
// in the device's store and in a _local document on the server, as CouchDB's replicator does, and
// resume only from a value both hold: a server database that was wiped or replaced has no (or
// another) _local checkpoint, so everything is sent and read again, which both directions make a
// no-op. The sweep and the deck push keep a token in the store only (what they last covered).
import type { CouchClient } from './couch-client';
import type { LocalEventStore } from './types';

/** Push and pull: checkpoints on both sides. */
export type SyncDirection = 'push' | 'pull';
/** The sweep and the deck push: a token in the store only. */
export type SweepOrDecks = 'sweep' | 'decks';

export class Checkpoints {
  /** The revision of each direction's _local document, as last read or written (a write needs it). */
  private readonly remoteRevs = new Map<SyncDirection, string | null>();

  constructor(
    private readonly client: CouchClient,
    private readonly store: LocalEventStore,
    /** Stable per device and database: names this device's checkpoints. */
    private readonly deviceId: string,
    private readonly signal: AbortSignal,
  ) {}

  /** The store's key: this database, this device, this direction. */
  private storeKey(direction: SyncDirection | SweepOrDecks): string {
    return `${this.client.dbUrl}|${this.deviceId}|${direction}`;
  }

  private remoteId(direction: SyncDirection): string {
    return `kujira-${direction}-${this.deviceId}`;
  }

  /** Where to resume: the checkpoint both sides agree on, or null (the start). */
  async resumeFrom(direction: SyncDirection): Promise<string | null> {
    const localValue = await this.store.getCheckpoint(this.storeKey(direction));
    const remote = await this.client.getLocal(this.remoteId(direction), this.signal);
    this.remoteRevs.set(direction, remote?._rev ?? null);
    const remoteValue = remote && typeof remote.at === 'string' ? remote.at : null;
    return localValue !== null && localValue === remoteValue ? localValue : null;
  }

  /** Moves a direction's checkpoint to `at`: the server's first, then the store's. */
  async save(direction: SyncDirection, at: string): Promise<void> {
    const rev = await this.client.putLocal(this.remoteId(direction), { at }, this.remoteRevs.get(direction) ?? null, this.signal);
    this.remoteRevs.set(direction, rev);
    await this.store.setCheckpoint(this.storeKey(direction), at);
  }

  /** The token the sweep or the deck push last covered (null: never). */
  token(of: SweepOrDecks): Promise<string | null> {
    return this.store.getCheckpoint(this.storeKey(of));
  }

  setToken(of: SweepOrDecks, token: string): Promise<void> {
    return this.store.setCheckpoint(this.storeKey(of), token);
  }
}
