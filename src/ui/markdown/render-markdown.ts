import { Marked, type Token, type Tokens } from 'marked';
import { parseDay } from '../../model/index.ts';
import { sanitizeHtml } from './sanitize-html.ts';

/** `{2026-01-05}` or `2026-01-05 ` at the start of a line (a log entry's date). */
const LINE_DATE = /^(?:\{(\d{4}-\d{2}-\d{2})\}|(\d{4}-\d{2}-\d{2})(?=[ \t]|$))/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  extensions: [
    {
      name: 'logDate',
      level: 'inline',
      renderer: (token) => `<time datetime="${escapeHtml(String(token.day))}">${escapeHtml(String(token.day))}</time>`,
    },
  ],
  renderer: {
    // Raw HTML is shown as the text it is, never as markup.
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text)),
    // Images are not loaded (offline, and no tracking pixels): they become links to the image.
    image: ({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
  },
});

/** Splits a date off the start of the text token at `index`, if it begins with one. */
function markDateAt(tokens: Token[], index: number): void {
  const token = tokens[index];
  if (token?.type !== 'text' || (token as Tokens.Text).tokens) return;
  const match = LINE_DATE.exec(token.text);
  const day = match ? parseDay(match[1] ?? match[2] ?? '') : undefined;
  if (!match || day === undefined) return;
  const rest = token.text.slice(match[0].length);
  const replacement: Token[] = [{ type: 'logDate', raw: match[0], day }];
  if (rest !== '') replacement.push({ type: 'text', raw: rest, text: rest, escaped: false } as Tokens.Text);
  tokens.splice(index, 1, ...replacement);
}

/** Marks the dates that start a line of inline `tokens`: the first one, and each after a line break. */
function markLineDates(tokens: Token[]): void {
  for (let i = tokens.length - 1; i >= 0; i--) if (i === 0 || tokens[i - 1]?.type === 'br') markDateAt(tokens, i);
}

/** Walks the block tokens: paragraphs and the text of list items hold lines. */
function markDates(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === 'paragraph' || (token.type === 'text' && token.tokens)) markLineDates(token.tokens ?? []);
    else if (token.type === 'list') markDates((token as Tokens.List).items);
    else if ((token.type === 'list_item' || token.type === 'blockquote') && token.tokens) markDates(token.tokens);
  }
}

/**
 * A record's markdown notes as safe HTML: GitHub-flavoured markdown with line breaks kept,
 * dates that start a line (`2026-01-05 Called the bank`, `{2026-01-05}`) as `<time>`
 * elements, raw HTML shown as text, images as links, and the result sanitized by DOMPurify
 * (see sanitizeHtml): no scripts, event handlers, `javascript:` or `data:` URLs, frames, SVG,
 * MathML or styles survive, and links open in a new tab with `rel="noopener noreferrer"`.
 *
 * @example
 * renderMarkdown('2026-01-05 Called **the bank**');
 * // '<p><time datetime="2026-01-05">2026-01-05</time> Called <strong>the bank</strong></p>\n'
 */
export function renderMarkdown(markdown: string): string {
  const tokens = marked.lexer(markdown);
  markDates(tokens);
  return sanitizeHtml(marked.parser(tokens));
}
