// Threads as DOM: each comment with its author, time, status and sanitized body; replies nested;
// retracted and hidden comments as placeholders with their replies in place.
import type { Strings } from '../strings/index.ts';
import { formatRelativeTime, refusalWords, type RefusalKind, type ThreadEntry } from '../threads/index.ts';
import { copyWordsButton } from './copy-words.ts';
import { el } from './dom.ts';

/** The actions asked twice: they cannot be undone. */
export type ConfirmedAction = 'retract' | 'discard';

/** What rendering a thread needs from the widget. */
export interface ThreadContext {
  strings: Strings;
  now: Date;
  /** Sanitized HTML of a markdown body. */
  renderBody: (markdown: string) => string;
  /** True when this browser holds the secret that retracts comment `id`. */
  canRetract: (id: string) => boolean;
  onReply: (entry: ThreadEntry) => void;
  onRetract: (entry: ThreadEntry) => void;
  /** True while comment `id`'s `action` asks to be confirmed (kept across re-renders). */
  isConfirming: (id: string, action: ConfirmedAction) => boolean;
  /** The first click of `action` on `id`: ask before doing it. */
  onAskConfirm: (id: string, action: ConfirmedAction) => void;
  /** Forgets a comment the remote refused for good. */
  onDiscard: (entry: ThreadEntry) => void;
}

/** An ordered list of threads (empty lists render nothing). */
export function renderThreads(threads: readonly ThreadEntry[], context: ThreadContext): HTMLOListElement {
  return el('ol', {}, ...threads.map((entry) => el('li', {}, renderEntry(entry, context), entry.replies.length > 0 && renderThreads(entry.replies, context))));
}

function renderEntry(entry: ThreadEntry, context: ThreadContext): HTMLElement {
  const { strings } = context;
  const article = el('article', { 'data-comment-id': entry.id, 'data-state': entry.state });
  if (entry.state === 'unreadable' && entry.refusal) {
    // Set aside here, unread: said so with the reason, its words (as plain text, in a box that
    // scrolls, by keyboard too) for the reader to copy, and the reader may let it go.
    const words = entry.words === undefined ? undefined : el('div', { class: 'body plain', tabindex: '0', role: 'region', 'aria-label': strings.unreadableWords }, entry.words);
    const actions = renderActions(entry, context);
    if (words) actions.prepend(copyWordsButton(words, strings));
    article.append(
      el('header', {}, el('span', { class: 'placeholder' }, strings.unreadable), el('span', { class: 'badge', 'data-status': entry.publish }, strings.setAside)),
      el('p', { class: 'error' }, strings.setAsideInvalid(refusalWords(entry.refusal.path, entry.refusal.reason).words)),
      ...(words ? [words] : []),
      actions,
    );
    return article;
  }
  if (entry.state !== 'visible' || !entry.comment) {
    const text = entry.state === 'hidden' ? strings.removed : entry.publish === 'published' ? strings.retracted : strings.retractionPending;
    article.append(el('p', { class: 'placeholder' }, text));
    return article;
  }
  const { comment } = entry;
  const created = new Date(comment.created);
  article.append(
    el(
      'header',
      {},
      el('span', { class: 'author' }, comment.author),
      el('time', { datetime: comment.created, title: created.toLocaleString() }, formatRelativeTime(created, context.now)),
      el('span', { class: 'badge', 'data-status': entry.publish }, entry.publish === 'published' ? strings.published : entry.publish === 'set-aside' ? strings.setAside : strings.savedOnDevice),
    ),
  );
  if (entry.refusal !== undefined) article.append(el('p', { class: 'error' }, refusalText(entry.refusal, strings)));
  if (comment.anchor.kind === 'quote' && comment.parent === null) article.append(el('blockquote', { class: 'quote' }, comment.anchor.exact));
  const body = el('div', { class: 'body' });
  body.innerHTML = context.renderBody(comment.body); // sanitized by DOMPurify in renderMarkdown
  article.append(body, renderActions(entry, context));
  return article;
}

function renderActions(entry: ThreadEntry, context: ThreadContext): HTMLElement {
  const { strings } = context;
  const reply = el('button', { type: 'button', class: 'link', 'data-action': 'reply' }, strings.reply);
  reply.addEventListener('click', () => context.onReply(entry));
  const actions = el('div', { class: 'actions' }, reply);
  if (entry.refusal !== undefined) {
    if (entry.publish === 'set-aside') {
      // Discarding a set-aside comment loses the reader's words: asked twice. A refused retraction
      // only, its comment still published, goes at once.
      actions.replaceChildren(confirmedButton(entry, context, 'discard', strings.discard, strings.confirmDiscard, () => context.onDiscard(entry)));
    } else {
      const discard = el('button', { type: 'button', class: 'link', 'data-action': 'discard' }, strings.discard);
      discard.addEventListener('click', () => context.onDiscard(entry));
      actions.append(discard);
    }
    return actions;
  }
  if (context.canRetract(entry.id)) actions.append(confirmedButton(entry, context, 'retract', strings.retract, strings.confirmRetract, () => context.onRetract(entry)));
  return actions;
}

/**
 * A button of two steps: the first click asks (`question`), the second does it. The question is
 * the section's state, so a refresh of the thread (another tab, a publish) never takes it away.
 */
function confirmedButton(entry: ThreadEntry, context: ThreadContext, action: ConfirmedAction, label: string, question: string, confirmed: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', 'data-action': action }, context.isConfirming(entry.id, action) ? question : label);
  button.addEventListener('click', () => {
    if (context.isConfirming(entry.id, action)) confirmed();
    else {
      context.onAskConfirm(entry.id, action);
      button.textContent = question;
    }
  });
  return button;
}

const REFUSALS = {
  deleted: 'refusedDeleted',
  retracted: 'refusedRetracted',
  'id-taken': 'refusedIdTaken',
  'wrong-secret': 'refusedWrongSecret',
  'no-such-comment': 'refusedNoSuchComment',
} as const satisfies Record<Exclude<RefusalKind, 'other'>, keyof Strings>;

/** The remote's refusal of `refusal.path` in the reader's words. */
function refusalText(refusal: { path: string; reason: string }, strings: Strings): string {
  const { kind, words } = refusalWords(refusal.path, refusal.reason);
  return kind === 'other' ? strings.refusedBecause(words) : strings[REFUSALS[kind]];
}
