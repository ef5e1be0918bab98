import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineHashes, pagePolicy } from './content-security-policy.ts';

const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('content security policy', () => {
  it('hashes inline scripts and styles, not scripts loaded by src', () => {
    const html = `<script>a()</script><script type="module" src="/x.js"></script><SCRIPT>
b()</SCRIPT><style media="screen">p{}</style><script>a()</script>`;
    expect(inlineHashes(html)).toEqual({ scripts: [hash('a()'), hash('\nb()')], styles: [hash('p{}')] });
  });

  it('allows the page\'s own origin and the hashes, WebAssembly, nothing inline or evaluated', () => {
    const policy = pagePolicy({ scripts: ['sha256-A'], styles: ['sha256-B'] });
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-A'");
    expect(policy).toContain("style-src 'self' 'sha256-B'");
    expect(policy).not.toMatch(/'unsafe-(inline|eval)'/);
    expect(pagePolicy()).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });
});
