/** Where the widget keeps comments: its own git repository per remote, and a little localStorage. */
export { CommentRepo, InvalidCommentError } from './comment-repo.ts';
export type { OpenCommentRepoOptions, PageSnapshot, PendingChange } from './comment-repo.ts';
export { LocalMemory } from './local-memory.ts';
export type { Draft } from './local-memory.ts';
export { hashSecret, makeSecret, prepareSecretHashing } from './secret.ts';
export { safeLocalStorage } from './safe-local-storage.ts';
