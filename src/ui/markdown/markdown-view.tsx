import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown.ts';

/** Markdown notes, rendered and sanitized (see renderMarkdown); the only place the UI sets HTML. */
export function MarkdownView({ markdown, className = 'markdown' }: { markdown: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
