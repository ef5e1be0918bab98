import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { renderMarkdown } from './render-markdown.ts';

/**
 * Markdown notes, rendered and sanitized (see renderMarkdown); the only place the UI sets HTML.
 * With `onTick`, the boxes of a task list ("- [ ] step") can be ticked: `onTick(index, checked)`
 * gets the box's position among them, as the model's `checklistItems` counts them.
 */
export function MarkdownView({ markdown, className = 'markdown', onTick }: { markdown: string; className?: string; onTick?: (index: number, checked: boolean) => void }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The sanitizer disables every box; here they come alive only when a tick can be saved.
    for (const box of boxesIn(ref.current)) box.disabled = onTick === undefined;
  }, [html, onTick]);
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const box = event.target;
    if (!onTick || !(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const index = boxesIn(ref.current).indexOf(box);
    if (index >= 0) onTick(index, box.checked);
  };
  return <div ref={ref} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />;
}

function boxesIn(root: HTMLElement | null): HTMLInputElement[] {
  return root ? [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')] : [];
}
