/** Markdown notes as safe HTML, and the component that shows them. */
export { renderMarkdown } from './render-markdown.ts';
export { sanitizeHtml } from './sanitize-html.ts';
export { MarkdownView } from './markdown-view.tsx';
