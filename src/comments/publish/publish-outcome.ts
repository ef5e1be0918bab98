// What one publish attempt came to, as data the widget words from its string table.

/** Why a publish failed, in the terms the reader is told. */
export type PublishFailure =
  | { kind: 'offline' }
  /** HTTP 429 from the comment remote's rate limit. */
  | { kind: 'rate-limited' }
  | { kind: 'server-error'; status: number }
  /** The remote's hook refused the push; `reason` is its message. */
  | { kind: 'rejected'; reason: string }
  | { kind: 'other'; reason: string };

/** The result of {@link import('./publish.ts').publish}. */
export type PublishOutcome =
  /** `refreshed`: the page's snapshot was fetched too (not when it was left for later). */
  | { ok: true; refreshed: boolean }
  | { ok: false; failure: PublishFailure };
