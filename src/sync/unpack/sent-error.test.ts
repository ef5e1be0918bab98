// Every typed error a worker can throw arrives on the page as the same class, with the same code,
// data and words, through the structured clone that postMessage makes.
import { describe, expect, it } from 'vitest';
import * as errors from '../errors.ts';
import { ProtocolError } from '../protocol/index.ts';
import { receiveError, sendError } from './sent-error.ts';

const url = 'https://git.example.org/me/tasks.git';
const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

/** One or more of each kind, with the options that change their words. */
const samples: errors.SyncError[] = [
  new errors.OfflineError(url, new TypeError('Failed to fetch')),
  new errors.UnreachableError(url, 'refused', 'connect ECONNREFUSED 127.0.0.1:9'),
  new errors.UnreachableError(url, 'timeout', 'The remote went silent'),
  new errors.NotARemoteError(url, 'web-page', 200),
  new errors.NotARemoteError(url, 'not-found', 404),
  new errors.AuthFailedError(url, 401, false),
  new errors.AuthFailedError(url, 403, true, 'token expired'),
  new errors.ServerError(url, 502, 'Bad gateway'),
  new errors.ServerError(url, 503, '', 120),
  new errors.RateLimitedError(url, 'slow down', 45, true),
  new errors.RateLimitedError(url, '', undefined, false),
  new errors.InterruptedError(url, 6_000_000, 'cut'),
  new errors.InterruptedError(url, 12, 'timeout'),
  new errors.RejectedError('refs/heads/main', 'non-fast-forward'),
  new errors.LocalError(quota),
  new errors.LocalError('the store is closed'),
  new errors.AbortedError('fetch'),
  new errors.StorageFullError(12_000_000, 3_000_000),
  new errors.StorageFullError(12_000_000, undefined),
  new ProtocolError('pack', 'a bad checksum', { offset: 4096 }),
  new ProtocolError('side-band', 'upload-pack said no', { serverMessage: 'upload-pack: not our ref' }),
];

describe('errors crossing between threads', () => {
  it.each(samples.map((error) => [error.constructor.name, error.message, error] as const))('%s arrives as it was sent: %s', (_, __, error) => {
    const arrived = receiveError(structuredClone(sendError(error)));
    expect(arrived.constructor).toBe(error.constructor);
    expect(arrived).toBeInstanceOf(errors.SyncError);
    expect(arrived).toMatchObject({ name: error.name, code: error.code, data: error.data, message: error.message });
  });

  it('has a sample of every typed error sync exports', () => {
    const classes = [...Object.values(errors), ProtocolError].filter(
      (value): value is typeof errors.SyncError => typeof value === 'function' && value.prototype instanceof errors.SyncError,
    );
    const sampled = new Set(samples.map((error) => error.constructor));
    expect(classes.filter((type) => !sampled.has(type)).map((type) => type.name)).toEqual([]);
  });

  it('says what failed for an error with no type of ours', () => {
    const arrived = receiveError(structuredClone(sendError(new RangeError('Array buffer allocation failed'))));
    expect(arrived.constructor).toBe(Error);
    expect(arrived.message).toBe('Unpacking failed: Array buffer allocation failed');
  });
});
