/**
 * What a remote said in the body of a refusal (a 401, 403, 429 or 5xx), made fit to show a
 * person as plain text: a web page (a proxy's or a login's HTML) says nothing readable and is
 * dropped; control and bidirectional-override characters go (they could reorder or hide what
 * is shown); runs of white space become one space; a long answer is cut to `MAX_CHARS`. The
 * result is text for the DOM's text nodes, never markup.
 */

/** Longest server reason kept, in characters. */
export const MAX_CHARS = 240;

// C0 and C1 controls, and the bidi embedding, override and isolate marks.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The server's own words in `body` (answered as `contentType`), or '' when it gave none worth showing. */
export function serverWords(body: string, contentType: string | null): string {
  if (/html|xml/i.test(contentType ?? '') || /^\s*</.test(body)) return '';
  const text = body.replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1).trimEnd()}…` : text;
}
