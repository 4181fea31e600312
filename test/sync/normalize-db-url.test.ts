// The one normalizer of a typed database address (src/sync/couch-client.ts), shared by the sync
// page and the team's join form: what each form sends on, and what it refuses and why.
import { describe, expect, it } from 'vitest';
import { normalizeDbUrl } from '../../src/sync/couch-client';

describe('normalizeDbUrl', () => {
  it('gives the address as the engine uses it: trimmed, without a trailing slash, below any path prefix', () => {
    expect(normalizeDbUrl('https://couch.example.org/kujira-alice')).toEqual({ url: 'https://couch.example.org/kujira-alice' });
    expect(normalizeDbUrl('  https://couch.example.org/kujira-alice/  ')).toEqual({ url: 'https://couch.example.org/kujira-alice' });
    expect(normalizeDbUrl('https://couch.example.org:6984/kujira-team-onboarding//')).toEqual({ url: 'https://couch.example.org:6984/kujira-team-onboarding' });
    expect(normalizeDbUrl('https://example.org/couch/kujira-alice')).toEqual({ url: 'https://example.org/couch/kujira-alice' });
    expect(normalizeDbUrl('HTTPS://Couch.Example.org/kujira-alice')).toEqual({ url: 'https://couch.example.org/kujira-alice' });
  });

  it('takes http:// only for this computer', () => {
    for (const ok of ['http://localhost:5984/db', 'http://127.0.0.1:5984/kujira-alice', 'http://[::1]:5984/db', 'http://app.localhost/db']) {
      expect(normalizeDbUrl(ok)).toEqual({ url: ok });
    }
    for (const remote of ['http://couch.example.org/kujira-alice', 'http://192.168.1.20:5984/kujira-alice', ' http://10.0.0.1/db ']) {
      expect(normalizeDbUrl(remote)).toEqual({ problem: 'cleartext' });
    }
  });

  it('says "invalid" for what is no database address', () => {
    for (const bad of ['', '   ', 'couch.example.org', 'not a url', 'ftp://couch.example.org/db', 'https://couch.example.org', 'https://couch.example.org/']) {
      expect(normalizeDbUrl(bad)).toEqual({ problem: 'invalid' });
    }
  });
});
