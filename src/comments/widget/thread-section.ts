// A titled list of threads with its comment form: the page's own section, the orphans, and the
// panel under each block.
import type { ThreadEntry } from '../threads/index.ts';
import { CommentForm, type CommentFormOptions } from './comment-form.ts';
import { el } from './dom.ts';
import { renderThreads, type ThreadContext } from './render-thread.ts';

/** What the widget gives a section to render its threads (the section adds replying and confirming). */
export type SectionContext = Omit<ThreadContext, 'onReply' | 'isConfirming' | 'onAskConfirm'>;

/**
 * One section. What the reader is in the middle of survives every update of the list: the form
 * and what is typed in it, a Retract waiting to be confirmed, and the focused button.
 */
export class ThreadSection {
  readonly element: HTMLElement;
  readonly form: CommentForm | undefined;
  private readonly list = el('div', { class: 'threads' });
  /** Comments whose Retract was clicked once and waits for the second click. */
  private readonly confirming = new Set<string>();

  /** `form` undefined: a list only (the orphans, which take no new comments). */
  constructor(heading: string, note: string | undefined, form: CommentFormOptions | undefined, private readonly emptyText: string | undefined) {
    this.form = form ? new CommentForm(form) : undefined;
    this.element = el('section', {}, el('h3', {}, heading), note !== undefined && el('p', { class: 'note' }, note), this.list, this.form?.element);
  }

  /** Shows `threads` (and the reply and retract buttons that act on them). */
  update(threads: readonly ThreadEntry[], context: SectionContext): void {
    const form = this.form;
    const onReply = (entry: ThreadEntry): void => form?.replyTo(entry);
    const focused = this.focusedAction();
    if (threads.length === 0) this.list.replaceChildren(this.emptyText === undefined ? '' : el('p', { class: 'muted' }, this.emptyText));
    else {
      const isConfirming = (id: string): boolean => this.confirming.has(id);
      const onAskConfirm = (id: string): void => void this.confirming.add(id);
      const onRetract = (entry: ThreadEntry): void => {
        this.confirming.delete(entry.id);
        context.onRetract(entry);
      };
      this.list.replaceChildren(renderThreads(threads, { ...context, onReply, isConfirming, onAskConfirm, onRetract }));
    }
    if (focused) this.list.querySelector<HTMLElement>(`article[data-comment-id="${CSS.escape(focused.id)}"] [data-action="${focused.action}"]`)?.focus();
  }

  /** The comment and action of the focused button in the list, to focus its successor after a re-render. */
  private focusedAction(): { id: string; action: string } | undefined {
    const root = this.list.getRootNode();
    const active = root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
    if (!(active instanceof HTMLElement) || !this.list.contains(active)) return undefined;
    const id = active.closest('article')?.dataset.commentId;
    const action = active.dataset.action;
    return id !== undefined && action !== undefined ? { id, action } : undefined;
  }
}
