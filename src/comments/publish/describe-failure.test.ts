import { describe, expect, it } from 'vitest';
import { InterruptedError, LocalError, OfflineError, RejectedError, ServerError, UnreachableError } from '../../sync/index.ts';
import { describeFailure } from './describe-failure.ts';

describe('describeFailure', () => {
  it('tells offline, rate limits, server failures and refusals apart', () => {
    expect(describeFailure(new OfflineError('http://r'))).toEqual({ kind: 'offline' });
    expect(describeFailure(new UnreachableError('http://r', 'refused', 'ECONNREFUSED'))).toEqual({ kind: 'offline' });
    expect(describeFailure(new InterruptedError('http://r', 10, 'cut'))).toEqual({ kind: 'offline' });
    expect(describeFailure(new ServerError('http://r', 429, 'slow down'))).toEqual({ kind: 'rate-limited' });
    expect(describeFailure(new ServerError('http://r', 503, ''))).toEqual({ kind: 'server-error', status: 503 });
    expect(describeFailure(new RejectedError('refs/heads/main', 'pre-receive hook declined: too many comments'))).toEqual({
      kind: 'rejected',
      reason: 'pre-receive hook declined: too many comments',
    });
    expect(describeFailure(new LocalError(new Error('boom')))).toEqual({ kind: 'other', reason: 'Sync stopped on this device: boom. Nothing was lost.' });
  });
});
