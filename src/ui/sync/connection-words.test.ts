import { describe, expect, it } from 'vitest';
import type { Oid } from '../../store/index.ts';
import { AuthFailedError, NotARemoteError, UnreachableError } from '../../sync/index.ts';
import { connectionWords } from './connection-words.ts';

const head = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' as Oid;

describe('connectionWords', () => {
  it('says what the remote holds, or that it is empty', () => {
    expect(connectionWords({ kind: 'ok', branch: 'main', head })).toEqual({
      tone: 'ok',
      headline: 'Connected.',
      detail: 'A git remote whose “main” branch is at a1b2c3d: Sync now merges it with this device’s changes and sends them.',
    });
    expect(connectionWords({ kind: 'ok', branch: 'main', head: undefined }).detail).toMatch(/no “main” branch yet/);
  });

  it('names each failure in its own words', () => {
    const pushError = new AuthFailedError('http://r/x.git', 401, false);
    expect(connectionWords({ kind: 'read-only', branch: 'main', head, pushError })).toMatchObject({ tone: 'error', headline: 'Connected, but this device may not push.', detail: pushError.message });
    expect(connectionWords({ kind: 'failed', error: new NotARemoteError('http://r/x', 'web-page', 200) }).headline).toBe('Not connected: the remote URL is not a git remote.');
    expect(connectionWords({ kind: 'failed', error: new UnreachableError('http://r/x.git', 'refused', '') }).headline).toBe('Not connected: the remote cannot be reached.');
    expect(connectionWords({ kind: 'failed', error: new AuthFailedError('http://r/x.git', 403, true) }).headline).toBe('Not connected: the remote refused the credentials.');
  });
});
