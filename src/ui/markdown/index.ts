/** Markdown notes as safe HTML, and the component that shows them. */
export { MarkdownView } from './markdown-view.tsx';
