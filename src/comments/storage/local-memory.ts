// What the widget remembers in localStorage, never in the repository: the reader's name, the
// text being typed (so a reload loses nothing), and the secrets that retract their comments.
// localStorage may be missing or full (private windows): then nothing is remembered, and
// nothing breaks.
import { safeLocalStorage } from './safe-local-storage.ts';

/** A draft being typed in one form. */
export interface Draft {
  body: string;
}

/** The widget's local memory for one remote. */
export class LocalMemory {
  constructor(
    private readonly remote: string,
    /** `null`: remember nothing. */
    private readonly storage: Storage | null = safeLocalStorage(),
  ) {}

  /** The name the reader last posted with. */
  get author(): string {
    return this.read('git-comments:author') ?? '';
  }

  set author(name: string) {
    this.write('git-comments:author', name);
  }

  /** The draft of form `key` (e.g. `chapter-3#block:p4` or `chapter-3#page`), or an empty one. */
  draft(key: string): Draft {
    const raw = this.read(this.draftKey(key));
    if (raw === undefined) return { body: '' };
    try {
      const parsed = JSON.parse(raw) as Partial<Draft>;
      return { body: typeof parsed.body === 'string' ? parsed.body : '' };
    } catch {
      return { body: '' };
    }
  }

  /** Keeps a draft; an empty one is forgotten. */
  saveDraft(key: string, draft: Draft): void {
    if (draft.body === '') this.remove(this.draftKey(key));
    else this.write(this.draftKey(key), JSON.stringify(draft));
  }

  /** The secret of one of this browser's comments. */
  secret(id: string): string | undefined {
    return this.secrets()[id];
  }

  /** Remembers the secret of a comment about to be posted. */
  saveSecret(id: string, secret: string): void {
    this.write(this.secretsKey(), JSON.stringify({ ...this.secrets(), [id]: secret }));
  }

  private secrets(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(this.read(this.secretsKey()) ?? '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  private draftKey(key: string): string {
    return `git-comments:draft:${this.remote}:${key}`;
  }

  private secretsKey(): string {
    return `git-comments:secrets:${this.remote}`;
  }

  private read(key: string): string | undefined {
    try {
      return this.storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Full or forbidden: the repository still holds every posted comment.
    }
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // As above.
    }
  }
}
