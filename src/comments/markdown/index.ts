/** Markdown of comment bodies, sanitized. Import `./render-markdown.ts` by dynamic `import()`: it is heavy. */
export type { renderMarkdown } from './render-markdown.ts';
