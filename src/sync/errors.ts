// A typed sync failure: what went wrong (SyncErrorKind) and whether trying again can help.
import type { SyncErrorKind } from './types';

export class SyncError extends Error {
  readonly kind: SyncErrorKind | 'network' | 'server';
  readonly status: number | null;
  constructor(kind: SyncErrorKind | 'network' | 'server', detail: string, status: number | null = null) {
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
