// The header block a CGI program writes before its body (RFC 3875, section 6): `Name: value`
// lines up to a blank line, with `Status: 404 Not Found` standing in for the status line.

/** The parsed header block of a CGI answer. */
export interface CgiHead {
  /** From `Status:`, else 200. */
  status: number;
  /** Every other header, in order. */
  headers: Array<[name: string, value: string]>;
  /** Where the body starts in the bytes that were parsed. */
  bodyStart: number;
}

/** An HTTP header name (RFC 9110 token) and a value Node will send. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Parses the CGI header block at the start of `output`; `undefined` while the blank line that
 * ends it has not arrived yet. Lines that are not a valid header are skipped (Node would refuse
 * to send them); an unusable `Status:` is a 502, as a gateway answers for a broken upstream.
 */
export function parseCgiHead(output: Uint8Array): CgiHead | undefined {
  const text = Buffer.from(output.buffer, output.byteOffset, output.byteLength).toString('latin1');
  const end = /\r?\n\r?\n/.exec(text);
  if (end === null) return undefined;
  const head: CgiHead = { status: 200, headers: [], bodyStart: end.index + end[0].length };
  for (const line of text.slice(0, end.index).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (colon <= 0 || !HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) continue;
    if (name.toLowerCase() !== 'status') head.headers.push([name, value]);
    else {
      const status = Number.parseInt(value, 10);
      head.status = status >= 200 && status <= 599 ? status : 502;
    }
  }
  return head;
}
