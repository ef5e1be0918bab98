// The form under each thread list: name, markdown body, and what it answers (the block, a quoted
// span, or a comment). The text is kept as a draft while typing, so a reload never loses it.
import { MAX_BODY_LENGTH, type Anchor } from '../record.ts';
import type { LocalMemory } from '../storage/index.ts';
import type { Strings } from '../strings/index.ts';
import type { ThreadEntry } from '../threads/index.ts';
import { el } from './dom.ts';

/** A comment the reader asked to post. */
export interface CommentRequest {
  author: string;
  body: string;
  parent: string | null;
  anchor: Anchor;
}

/** How to make a {@link CommentForm}. */
export interface CommentFormOptions {
  strings: Strings;
  memory: LocalMemory;
  /** The draft's key, e.g. `chapter-3#block:p4` or `chapter-3#page`. */
  draftKey: string;
  /** What a comment made here points at unless a quote or reply says otherwise. */
  anchor: Anchor;
  /** Commits the comment; resolves to a message to show when it could not. */
  onSubmit: (request: CommentRequest) => Promise<string | undefined>;
}

/** One comment form; its element lives as long as its panel, so typing survives re-renders. */
export class CommentForm {
  readonly element: HTMLFormElement;
  private readonly name: HTMLInputElement;
  private readonly body: HTMLTextAreaElement;
  private readonly target: HTMLElement;
  private readonly error: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private readonly bodyLabel: Text;
  private reply: ThreadEntry | undefined;
  private quote: Extract<Anchor, { kind: 'quote' }> | undefined;

  constructor(private readonly options: CommentFormOptions) {
    const { strings, memory } = options;
    this.name = el('input', { name: 'author', autocomplete: 'name', maxlength: '80', required: true });
    this.name.value = memory.author;
    this.body = el('textarea', { name: 'body', required: true });
    this.body.value = memory.draft(options.draftKey).body;
    this.target = el('div', { class: 'target', hidden: true });
    this.error = el('p', { class: 'error', role: 'alert', hidden: true });
    this.submit = el('button', { type: 'submit', class: 'primary' }, strings.post);
    this.bodyLabel = document.createTextNode(strings.bodyLabel);
    this.element = el(
      'form',
      {},
      this.target,
      el('label', {}, strings.nameLabel, this.name),
      el('label', {}, this.bodyLabel, this.body),
      this.error,
      el('div', { class: 'actions' }, this.submit),
    );
    this.body.addEventListener('input', () => memory.saveDraft(options.draftKey, { body: this.body.value }));
    this.name.addEventListener('change', () => (memory.author = this.name.value.trim()));
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
  }

  /** Makes the next comment a reply to `entry`. */
  replyTo(entry: ThreadEntry): void {
    this.reply = entry;
    this.quote = undefined;
    this.showTarget(`${this.options.strings.reply}: ${entry.comment?.author ?? ''}`);
    this.body.focus();
  }

  /** Makes the next comment point at a quoted span. */
  quoteSpan(anchor: Extract<Anchor, { kind: 'quote' }>): void {
    this.quote = anchor;
    this.reply = undefined;
    this.showTarget(this.options.strings.onQuote(anchor.exact));
    this.body.focus();
  }

  private showTarget(text: string): void {
    const cancel = el('button', { type: 'button', class: 'link' }, this.options.strings.cancel);
    cancel.addEventListener('click', () => this.clearTarget());
    this.target.replaceChildren(el('span', {}, text), cancel);
    this.target.hidden = false;
    this.submit.textContent = this.reply ? this.options.strings.postReply : this.options.strings.post;
    this.bodyLabel.data = this.reply ? this.options.strings.replyBodyLabel : this.options.strings.bodyLabel;
  }

  private clearTarget(): void {
    this.reply = undefined;
    this.quote = undefined;
    this.target.hidden = true;
    this.target.replaceChildren();
    this.submit.textContent = this.options.strings.post;
    this.bodyLabel.data = this.options.strings.bodyLabel;
  }

  private showError(message: string | undefined): void {
    this.error.textContent = message ?? '';
    this.error.hidden = message === undefined;
  }

  private async send(): Promise<void> {
    const { strings, memory } = this.options;
    const author = this.name.value.trim();
    const typed = this.body.value;
    const body = typed.trim();
    if (author === '') return this.showError(strings.needName);
    if (body === '') return this.showError(strings.needBody);
    if (body.length > MAX_BODY_LENGTH) return this.showError(strings.tooLong(MAX_BODY_LENGTH));
    memory.author = author;
    this.submit.disabled = true;
    try {
      const anchor = this.reply ? this.reply.anchor : (this.quote ?? this.options.anchor);
      const problem = await this.options.onSubmit({ author, body, parent: this.reply?.id ?? null, anchor });
      this.showError(problem);
      if (problem !== undefined) return;
      this.clearTarget();
      // Text typed while the comment was being saved is the next comment: keep it.
      if (this.body.value !== typed) return;
      this.body.value = '';
      memory.saveDraft(this.options.draftKey, { body: '' });
    } finally {
      this.submit.disabled = false;
    }
  }
}
