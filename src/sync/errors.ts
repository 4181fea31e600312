// A typed sync failure: what went wrong (SyncErrorKind) and whether trying again can help.
import type { SyncErrorKind } from './types';

export class SyncError extends Error {
  /** `too-large`: an answer over the byte cap the caller set (the engine then asks for less). */
  readonly kind: SyncErrorKind | 'network' | 'server' | 'too-large';
  readonly status: number | null;
  constructor(kind: SyncErrorKind | 'network' | 'server' | 'too-large', detail: string, status: number | null = null) {
    super(detail);
    this.name = 'SyncError';
    this.kind = kind;
    this.status = status;
  }
  /** Network failures and 5xx answers pass with time; everything else needs a person. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}
