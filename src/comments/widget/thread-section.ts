// A titled list of threads with its comment form: the page's own section, the orphans, and the
// panel under each block.
import type { ThreadEntry } from '../threads/index.ts';
import { CommentForm, type CommentFormOptions } from './comment-form.ts';
import { el } from './dom.ts';
import { renderThreads, type ThreadContext } from './render-thread.ts';

/** One section; its form (and what is typed in it) survives every update of the list. */
export class ThreadSection {
  readonly element: HTMLElement;
  readonly form: CommentForm | undefined;
  private readonly list = el('div', { class: 'threads' });

  /** `form` undefined: a list only (the orphans, which take no new comments). */
  constructor(heading: string, note: string | undefined, form: CommentFormOptions | undefined, private readonly emptyText: string | undefined) {
    this.form = form ? new CommentForm(form) : undefined;
    this.element = el('section', {}, el('h3', {}, heading), note !== undefined && el('p', { class: 'note' }, note), this.list, this.form?.element);
  }

  /** Shows `threads` (and the reply and retract buttons that act on them). */
  update(threads: readonly ThreadEntry[], context: Omit<ThreadContext, 'onReply'>): void {
    const form = this.form;
    const onReply = (entry: ThreadEntry): void => form?.replyTo(entry);
    if (threads.length === 0) this.list.replaceChildren(this.emptyText === undefined ? '' : el('p', { class: 'muted' }, this.emptyText));
    else this.list.replaceChildren(renderThreads(threads, { ...context, onReply }));
  }
}
