import { describe, expect, it } from 'vitest';
import { OfflineError, RejectedError, ServerError } from '../../sync/index.ts';
import { describeFailure } from './describe-failure.ts';

describe('describeFailure', () => {
  it('tells offline, rate limits, server failures and refusals apart', () => {
    expect(describeFailure(new OfflineError('http://r', 'refused'))).toEqual({ kind: 'offline' });
    expect(describeFailure(new ServerError('http://r', 429, 'slow down'))).toEqual({ kind: 'rate-limited' });
    expect(describeFailure(new ServerError('http://r', 503, ''))).toEqual({ kind: 'server-error', status: 503 });
    expect(describeFailure(new RejectedError('refs/heads/main', 'pre-receive hook declined: too many comments'))).toEqual({
      kind: 'rejected',
      reason: 'pre-receive hook declined: too many comments',
    });
    expect(describeFailure(new Error('boom'))).toEqual({ kind: 'other', reason: 'boom' });
  });
});
