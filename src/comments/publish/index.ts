/**
 * Publishing comments to the remote. Import `publish` from `./publish.ts` with a dynamic
 * `import()` only: it pulls in the sync code, which must stay out of the page-load script.
 */
export { DEFAULT_RETRY, retryDelay } from './retry-delay.ts';
export type { RetryPolicy } from './retry-delay.ts';
export type { PublishFailure, PublishOutcome } from './publish-outcome.ts';
