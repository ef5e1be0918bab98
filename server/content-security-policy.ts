// The Content-Security-Policy of the pages the servers here serve (the app, the demo book
// chapter with the comment widget), and of every other answer. Scripts and styles come from the
// server's own origin only; the few inline blocks a built page holds (the app's theme snippet,
// the demo chapter's style) are allowed by their SHA-256, read from the file served, so nothing
// a script or a note injects into the DOM can run. Remotes are wherever the person syncs to, so
// `connect-src` allows any http(s) address; images load from the app itself only (notes turn
// images into links). 'wasm-unsafe-eval' lets the app and its workers compile WebAssembly (the
// SHA-1 that hashes fetched objects); unlike 'unsafe-eval' it turns no string into code. The same
// policy goes with every file, so a worker's script (which takes its policy from its own answer)
// may open IndexedDB and compile WebAssembly as its page does.
import { createHash } from 'node:crypto';

/** The policy of a page, before the hashes of its inline blocks are added. */
const PAGE_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self' https: http:"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy of every answer that is not a page (scripts, JSON, git, errors): nothing may load. */
export const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** The hashes of a page's inline `<script>` and `<style>` blocks. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** The policy of a page whose inline blocks hash to `hashes`. */
export function pagePolicy(hashes: InlineHashes = { scripts: [], styles: [] }): string {
  return PAGE_DIRECTIVES.map(([name, value]) => {
    const extra = name === 'script-src' ? hashes.scripts : name === 'style-src' ? hashes.styles : [];
    return [name, value, ...extra.map((hash) => `'${hash}'`)].join(' ');
  }).join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** The `sha256-…` sources of the inline scripts (those without `src`) and styles in `html`. */
export function inlineHashes(html: string): InlineHashes {
  const scripts = [...html.matchAll(INLINE_SCRIPT)].filter((match) => !/\bsrc\s*=/i.test(match[1] ?? '')).map((match) => sha256Source(match[2] ?? ''));
  const styles = [...html.matchAll(INLINE_STYLE)].map((match) => sha256Source(match[1] ?? ''));
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

function sha256Source(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
