import {
  AbortedError,
  AuthFailedError,
  InterruptedError,
  LocalError,
  NotARemoteError,
  OfflineError,
  RateLimitedError,
  RejectedError,
  ServerError,
  StorageFullError,
  UnreachableError,
  type SyncError,
} from '../errors.ts';
import { ProtocolError } from '../protocol/errors.ts';

/**
 * How each typed error is made again on the other side of a `postMessage`, from its data: the
 * class itself cannot cross, and its name cannot be trusted to (a minified worker bundle and
 * the page's may name the same class differently), so each has a tag of its own here. A
 * subclass comes before its base class (`RateLimitedError` before `ServerError`).
 */
const KINDS = {
  offline: { type: OfflineError, make: (data: OfflineError['data']) => new OfflineError(data.url) },
  unreachable: { type: UnreachableError, make: (data: UnreachableError['data']) => new UnreachableError(data.url, data.reason, data.detail) },
  'not-a-remote': { type: NotARemoteError, make: (data: NotARemoteError['data']) => new NotARemoteError(data.url, data.reason, data.status) },
  'auth-failed': { type: AuthFailedError, make: (data: AuthFailedError['data']) => new AuthFailedError(data.url, data.status, data.sentCredentials, data.reason) },
  'rate-limited': { type: RateLimitedError, make: (data: RateLimitedError['data']) => new RateLimitedError(data.url, data.body, data.retryAfterSeconds) },
  'server-error': { type: ServerError, make: (data: ServerError['data']) => new ServerError(data.url, data.status, data.body, data.retryAfterSeconds) },
  interrupted: { type: InterruptedError, make: (data: InterruptedError['data']) => new InterruptedError(data.url, data.received, data.reason) },
  rejected: { type: RejectedError, make: (data: RejectedError['data']) => new RejectedError(data.ref, data.reason) },
  local: { type: LocalError, make: (data: LocalError['data']) => new LocalError(Object.assign(new Error(data.detail), { name: data.name })) },
  aborted: { type: AbortedError, make: (data: AbortedError['data']) => new AbortedError(data.phase) },
  'storage-full': { type: StorageFullError, make: (data: StorageFullError['data']) => new StorageFullError(data.neededBytes, data.availableBytes) },
  protocol: { type: ProtocolError, make: ({ part, problem, ...extra }: ProtocolError['data']) => new ProtocolError(part, problem, extra) },
} as const;

type Kinds = typeof KINDS;
/** The tag of each typed error that can cross. */
export type SentErrorKind = keyof Kinds;

/** A typed error as it crosses between threads: its tag, its data and its words. */
export type SentSyncError = { [K in SentErrorKind]: { kind: K; data: Parameters<Kinds[K]['make']>[0]; message: string } }[SentErrorKind];

/** An error as it crosses between threads; anything untyped (a bug, the platform's own) keeps only its message. */
export type SentError = SentSyncError | { kind: 'other'; message: string };

/** `error` as plain data that `postMessage` clones (a typed error's cause stays behind). */
export function sendError(error: unknown): SentError {
  for (const [kind, { type }] of Object.entries(KINDS) as Array<[SentErrorKind, Kinds[SentErrorKind]]>) {
    if (error instanceof type) return { kind, data: error.data, message: error.message } as SentSyncError;
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The same error again, of the same class, with the same code, data and words; an untyped one
 * as an Error saying what failed. The words are the sender's: some depend on more than the data
 * keeps (a RateLimitedError's on whether credentials were sent).
 */
export function receiveError(sent: SentError): Error {
  if (sent.kind === 'other') return new Error(`Unpacking failed: ${sent.message}`);
  const make = KINDS[sent.kind].make as (data: SentSyncError['data']) => SyncError;
  const error = make(sent.data);
  error.message = sent.message;
  return error;
}

/**
 * An error another worker sent, to be thrown here and sent on to the page: a typed one as it was,
 * an untyped one with its bare message (the page says what failed once).
 */
export function relayError(sent: SentError): Error {
  return sent.kind === 'other' ? new Error(sent.message) : receiveError(sent);
}
