import { describe, expect, it } from 'vitest';
import { MAX_CHARS, serverWords } from './server-words.ts';

describe("a remote's own words in a refusal", () => {
  it('keeps a plain-text reason, on one line', () => {
    expect(serverWords('The token was refused: it was revoked.\n', 'text/plain; charset=utf-8')).toBe('The token was refused: it was revoked.');
    expect(serverWords('  line one\r\n\tline two  ', null)).toBe('line one line two');
  });

  it('drops a web page: its markup says nothing readable', () => {
    expect(serverWords('<html><head><title>401 Authorization Required</title></head></html>', 'text/plain')).toBe('');
    expect(serverWords('Unauthorized', 'text/html; charset=utf-8')).toBe('');
  });

  it('takes out control and direction-override characters, which could hide or reorder what is shown', () => {
    expect(serverWords('bad\u0007 token\u202e gnp.exe\u0000', 'text/plain')).toBe('bad token gnp.exe');
  });

  it('cuts a long answer short, saying so', () => {
    const words = serverWords('x'.repeat(5000), 'text/plain');
    expect(words).toHaveLength(MAX_CHARS);
    expect(words.endsWith('…')).toBe(true);
  });
});
