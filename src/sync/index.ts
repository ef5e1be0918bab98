/**
 * Sync with any git remote over smart HTTP: fetch, three-way merge with the store's rules, push.
 * Knows the wire protocol and packfiles; reads and writes objects only through the store's API.
 */
export { sync } from './sync.ts';
export type { SyncOptions, SyncResult } from './sync.ts';
export type { RemoteOptions } from './transport.ts';
export {
  AbortedError,
  AuthFailedError,
  NotFoundError,
  OfflineError,
  RejectedError,
  RateLimitedError,
  ServerError,
  SyncError,
} from './errors.ts';
export type { ServerErrorData, SyncErrorCode } from './errors.ts';
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
