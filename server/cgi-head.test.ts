import { describe, expect, it } from 'vitest';
import { parseCgiHead } from './cgi-head.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseCgiHead', () => {
  it('waits for the blank line that ends the head', () => {
    expect(parseCgiHead(bytes('Content-Type: text/plain\r\n'))).toBeUndefined();
  });

  it('reads headers and where the body starts, CRLF or LF', () => {
    const output = bytes('Content-Type: application/x-git-upload-pack-advertisement\r\nPragma: no-cache\r\n\r\n001e# service');
    expect(parseCgiHead(output)).toEqual({
      status: 200,
      headers: [
        ['Content-Type', 'application/x-git-upload-pack-advertisement'],
        ['Pragma', 'no-cache'],
      ],
      bodyStart: output.length - '001e# service'.length,
    });
    expect(parseCgiHead(bytes('Expires: never\n\nbody'))).toMatchObject({ headers: [['Expires', 'never']], bodyStart: 16 });
  });

  it('skips lines that are not headers Node could send', () => {
    const head = parseCgiHead(bytes('no colon here\nBad Name: x\nX-Ok: fine\nX-Bad: a\u0001b\n\n'));
    expect(head?.headers).toEqual([['X-Ok', 'fine']]);
  });

  it('maps Status: to the status code, and a broken one to 502', () => {
    expect(parseCgiHead(bytes('Status: 404 Not Found\r\nPragma: no-cache\r\n\r\n'))).toMatchObject({
      status: 404,
      headers: [['Pragma', 'no-cache']],
    });
    expect(parseCgiHead(bytes('Status: nonsense\n\n'))?.status).toBe(502);
  });
});
