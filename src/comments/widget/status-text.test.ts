import { describe, expect, it } from 'vitest';
import { en } from '../strings/index.ts';
import { describePublishFailure, statusText } from './status-text.ts';

describe('statusText', () => {
  it('says nothing when all is published, and counts what waits', () => {
    expect(statusText(en, { busy: false }, 0, 0)).toEqual({ text: '', problem: false });
    expect(statusText(en, { busy: false }, 2, 0).text).toBe('2 comments saved on this device, waiting to be published.');
    expect(statusText(en, { busy: true }, 1, 0).text).toBe(en.syncing);
  });

  it('words failures, a 429 and a refusal included, with the next try', () => {
    const at = 1_000_000;
    const limited = statusText(en, { busy: false, failure: { kind: 'rate-limited' }, retryAt: at + 4_200 }, 1, at);
    expect(limited).toEqual({ text: `${en.rateLimited} Trying again in 5 s.`, problem: true });
    expect(describePublishFailure(en, { kind: 'rejected', reason: 'comments/x.json: "body" must be text' })).toBe(
      'The comment server refused the comment: comments/x.json: "body" must be text. It is kept on this device.',
    );
    expect(describePublishFailure(en, { kind: 'server-error', status: 500 })).toContain('HTTP 500');
    expect(describePublishFailure(en, { kind: 'offline' })).toBe(en.offline);
  });
});
