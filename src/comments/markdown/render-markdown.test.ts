// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';

function parse(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('renderMarkdown', () => {
  it('renders markdown formatting, lists, code and safe links', () => {
    const div = parse(renderMarkdown('**bold** and *it*\n\n- one\n- `two`\n\n[site](https://example.org)'));
    expect(div.querySelector('strong')?.textContent).toBe('bold');
    expect(div.querySelectorAll('li')).toHaveLength(2);
    const link = div.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(link?.getAttribute('target')).toBe('_blank');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '![x](https://evil.example/pixel.png)',
    '<svg onload=alert(1)>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '[x](JaVaScRiPt:alert(1))',
    '<p style="background:url(javascript:alert(1))">x</p>',
  ])('leaves nothing that runs or loads of %s', (payload) => {
    const div = parse(renderMarkdown(payload));
    expect(div.querySelector('script, img, svg, iframe, style, [style], [onerror], [onload]')).toBeNull();
    expect(div.querySelector('a[href]:not([href^="http:"]):not([href^="https:"]):not([href^="mailto:"]):not([href^="#"])')).toBeNull();
  });

  it('shows raw HTML as text', () => {
    expect(parse(renderMarkdown('<b>not bold</b>')).textContent).toContain('<b>not bold</b>');
  });
});
