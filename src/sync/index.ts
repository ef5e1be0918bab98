/**
 * Sync with any git remote over smart HTTP: fetch, three-way merge with the store's rules, push.
 * Knows the wire protocol and packfiles; reads and writes objects only through the store's API.
 */
export { sync } from './sync.ts';
export type { SyncOptions } from './sync.ts';
export type { ObjectCounts, RemoteMessage, SyncFailure, SyncOutcome, SyncPhase, SyncProgress, SyncSuccess } from './outcome.ts';
export { checkRemote } from './check-remote.ts';
export type { RemoteCheck } from './check-remote.ts';
export type { RemoteOptions } from './transport.ts';
export {
  AbortedError,
  AuthFailedError,
  InterruptedError,
  LocalError,
  NotARemoteError,
  OfflineError,
  RejectedError,
  RateLimitedError,
  ServerError,
  StorageFullError,
  SyncError,
  UnreachableError,
} from './errors.ts';
export type { AuthFailedData, NotARemoteReason, ServerErrorData, SyncErrorCode, UnreachableReason } from './errors.ts';
export { ProtocolError } from './protocol/index.ts';
export { BundleError, exportBundle, importBundle } from './bundle/index.ts';
export type {
  BundleErrorData,
  BundlePhase,
  BundleProblem,
  BundleProgress,
  ExportBundleOptions,
  ImportBundleOptions,
  ImportBundleResult,
} from './bundle/index.ts';
// The wire codecs and the transport, for callers that speak to a git server in ways sync() does
// not (the comment widget's submissions and page snapshots, the comment remote's receive-pack).
export { FLUSH_PKT, PackEncoder, demultiplexSideBand, encodePack, encodePackEntries, encodePktLine, parsePack, parseRefAdvertisement, readPktLines } from './protocol/index.ts';
export type { PackObject, ParsePackOptions, PktLine } from './protocol/index.ts';
export { createTransport } from './transport.ts';
export type { Transport } from './transport.ts';
