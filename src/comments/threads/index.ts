/** Threads of a page from its comment files, and how times are shown. */
export { buildThreads, countEntries } from './build-threads.ts';
export type { PublishState, ThreadEntry } from './build-threads.ts';
export { readPageFiles } from './page-files.ts';
export type { PageFiles } from './page-files.ts';
export { formatRelativeTime } from './relative-time.ts';
export { refusalWords } from './refusal-words.ts';
export type { RefusalKind, RefusalWords } from './refusal-words.ts';
