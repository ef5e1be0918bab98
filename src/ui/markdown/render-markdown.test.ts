// @vitest-environment jsdom
// jsdom, not happy-dom: DOMPurify's own test suite runs on jsdom, whose HTML parser follows
// the WHATWG algorithm closely (mutation-XSS tricks depend on that); the browser spec
// (e2e/app/item-panel.spec.ts) runs the same payloads in real Chromium.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { XSS_PAYLOADS } from '../../../test/support/markdown-xss-payloads.ts';

const FORBIDDEN_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base',
  'form', 'button', 'img', 'video', 'audio', 'source', 'template', 'noscript', 'details', 'body',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];

/** What in `html` could run script or load something: as the browser parses it. */
function dangers(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><body><div id="root">${html}</div>`, 'text/html');
  const root = doc.getElementById('root');
  if (!root) return ['the output broke out of its container'];
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`${tag}[${name}]`);
      if (lower === 'style') found.push(`${tag}[style]`);
      // The browser ignores whitespace and control characters inside a scheme.
      const compact = Array.from(value)
        .filter((char) => char.charCodeAt(0) > 0x20 && (char.charCodeAt(0) < 0x7f || char.charCodeAt(0) > 0xa0))
        .join('')
        .toLowerCase();
      if (URL_ATTRIBUTES.includes(lower) && /^(javascript|data|vbscript):/.test(compact)) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

describe('renderMarkdown against XSS payloads', () => {
  it('has at least 30 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_PAYLOADS)('renders %j with nothing that runs', (payload) => {
    const html = renderMarkdown(payload);
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    // Raw HTML is shown as text, so the words may be there; never as a link's target.
    expect(html).not.toMatch(/<a\b[^>]*href\s*=\s*["']?\s*javascript/i);
  });

  it.each(XSS_PAYLOADS)('sanitizes %j as raw HTML too (the second line of defence)', (payload) => {
    const html = sanitizeHtml(payload);
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
  });

  it('renders all the payloads at once, in one note, with nothing that runs', () => {
    expect(dangers(renderMarkdown(XSS_PAYLOADS.join('\n\n')))).toEqual([]);
  });
});

describe('renderMarkdown', () => {
  it('renders markdown: emphasis, lists, code, quotes, tables, task lists', () => {
    const html = renderMarkdown('**bold** _it_ ~~gone~~ `code`\n\n- a\n- [x] done\n\n> quote\n\n| a | b |\n|---|--:|\n| 1 | 2 |');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>a</li>');
    expect(html).toMatch(/<input (?=[^>]*type="checkbox")(?=[^>]*checked="")(?=[^>]*disabled="")[^>]*>/);
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<td align="right">2</td>');
  });

  it('keeps single line breaks', () => {
    expect(renderMarkdown('one\ntwo')).toBe('<p>one<br>two</p>\n');
  });

  it('shows a date that starts a line as a <time> element', () => {
    expect(renderMarkdown('2026-01-05 Called the bank')).toBe('<p><time datetime="2026-01-05">2026-01-05</time> Called the bank</p>\n');
    expect(renderMarkdown('{2026-01-06} Paid')).toBe('<p><time datetime="2026-01-06">2026-01-06</time> Paid</p>\n');
    expect(renderMarkdown('first\n2026-01-07 second')).toBe('<p>first<br><time datetime="2026-01-07">2026-01-07</time> second</p>\n');
    expect(renderMarkdown('- 2026-01-08 in a list')).toContain('<li><time datetime="2026-01-08">2026-01-08</time> in a list</li>');
    expect(renderMarkdown('2026-01-09')).toBe('<p><time datetime="2026-01-09">2026-01-09</time></p>\n');
  });

  it('leaves dates alone inside a line, impossible dates, and dates glued to text', () => {
    expect(renderMarkdown('due 2026-01-05 maybe')).not.toContain('<time');
    expect(renderMarkdown('2026-02-30 no such day')).not.toContain('<time');
    expect(renderMarkdown('2026-01-05x')).not.toContain('<time');
    expect(renderMarkdown('`2026-01-05 code`')).not.toContain('<time');
  });

  it('keeps the emphasis after a date', () => {
    expect(renderMarkdown('2026-01-05 **paid**')).toBe('<p><time datetime="2026-01-05">2026-01-05</time> <strong>paid</strong></p>\n');
  });

  it('opens links in a new tab with rel="noopener noreferrer"', () => {
    for (const source of ['[site](https://example.com/a)', '<https://example.com/a>', 'https://example.com/a']) {
      const link = new DOMParser().parseFromString(renderMarkdown(source), 'text/html').querySelector('a');
      expect(link?.getAttribute('href')).toBe('https://example.com/a');
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(renderMarkdown('[mail](mailto:ann@example.com)')).toContain('href="mailto:ann@example.com"');
  });

  it('drops the target of a javascript: link but keeps its text', () => {
    const html = renderMarkdown('[click me](javascript:alert(1))');
    expect(html).toContain('click me');
    expect(html).not.toContain('href');
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('a <b>bold</b> word');
    expect(html).toBe('<p>a &lt;b&gt;bold&lt;/b&gt; word</p>\n');
  });

  it('shows images as links to them, loading nothing', () => {
    const html = renderMarkdown('![a cat](https://example.com/cat.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://example.com/cat.png"');
    expect(html).toContain('a cat');
  });

  it('renders nothing for empty notes', () => {
    expect(renderMarkdown('')).toBe('');
  });
});
