// A titled list of threads with its comment form: the page's own section, the orphans, and the
// panel under each block.
import type { ThreadEntry } from '../threads/index.ts';
import { CommentForm, type CommentFormOptions } from './comment-form.ts';
import { el } from './dom.ts';
import { renderThreads, type ConfirmedAction, type ThreadContext } from './render-thread.ts';

/** What the widget gives a section to render its threads (the section adds replying and confirming). */
export type SectionContext = Omit<ThreadContext, 'onReply' | 'isConfirming' | 'onAskConfirm'>;

/** The focused button of a comment in the list, and where that comment stood among them. */
interface FocusedAction {
  id: string;
  action: string;
  index: number;
}

/**
 * One section. What the reader is in the middle of survives every update of the list: the form
 * and what is typed in it, a Retract waiting to be confirmed, and the focused button.
 */
export class ThreadSection {
  readonly element: HTMLElement;
  readonly form: CommentForm | undefined;
  private readonly list = el('div', { class: 'threads' });
  /** Focusable by script only: where the focus goes when the list loses the focused comment and has no other. */
  private readonly heading: HTMLHeadingElement;
  /** Comments whose Retract or Discard was clicked once and waits for the second click (`<action> <id>`). */
  private readonly confirming = new Set<string>();

  /** `form` undefined: a list only (the orphans, which take no new comments). */
  constructor(heading: string, note: string | undefined, form: CommentFormOptions | undefined, private readonly emptyText: string | undefined) {
    this.form = form ? new CommentForm(form) : undefined;
    this.heading = el('h3', { tabindex: '-1' }, heading);
    this.element = el('section', {}, this.heading, note !== undefined && el('p', { class: 'note' }, note), this.list, this.form?.element);
  }

  /** Shows `threads` (and the reply and retract buttons that act on them). */
  update(threads: readonly ThreadEntry[], context: SectionContext): void {
    const form = this.form;
    const onReply = (entry: ThreadEntry): void => form?.replyTo(entry);
    const focused = this.focusedAction();
    if (threads.length === 0) this.list.replaceChildren(this.emptyText === undefined ? '' : el('p', { class: 'muted' }, this.emptyText));
    else {
      const isConfirming = (id: string, action: ConfirmedAction): boolean => this.confirming.has(`${action} ${id}`);
      const onAskConfirm = (id: string, action: ConfirmedAction): void => void this.confirming.add(`${action} ${id}`);
      const onRetract = (entry: ThreadEntry): void => {
        this.confirming.delete(`retract ${entry.id}`);
        context.onRetract(entry);
      };
      const onDiscard = (entry: ThreadEntry): void => {
        this.confirming.delete(`discard ${entry.id}`);
        context.onDiscard(entry);
      };
      this.list.replaceChildren(renderThreads(threads, { ...context, onReply, isConfirming, onAskConfirm, onRetract, onDiscard }));
    }
    if (focused) this.refocus(focused);
  }

  /** The comment and action of the focused button in the list (and where its comment stood), to focus its successor after a re-render. */
  private focusedAction(): FocusedAction | undefined {
    const root = this.list.getRootNode();
    const active = root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
    if (!(active instanceof HTMLElement) || !this.list.contains(active)) return undefined;
    const article = active.closest('article');
    const id = article?.dataset.commentId;
    const action = active.dataset.action;
    const index = [...this.list.querySelectorAll('article')].indexOf(article as HTMLElement);
    return id !== undefined && action !== undefined ? { id, action, index } : undefined;
  }

  /**
   * Focuses the same button again; when it is gone (its comment discarded, say) the first button
   * of the comment that took its place, else of the one before, else the section's heading: a
   * keyboard reader never finds the focus thrown back to the top of the page.
   */
  private refocus(focused: FocusedAction): void {
    const same = this.list.querySelector<HTMLElement>(`article[data-comment-id="${CSS.escape(focused.id)}"] [data-action="${focused.action}"]`);
    if (same) return same.focus();
    const articles = [...this.list.querySelectorAll('article')];
    const nearest = [...articles.slice(focused.index), ...articles.slice(0, focused.index).reverse()];
    const button = nearest.map((article) => article.querySelector<HTMLElement>('[data-action]')).find((found) => found !== null);
    (button ?? this.heading).focus();
  }
}
