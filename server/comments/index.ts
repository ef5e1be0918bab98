/**
 * The comment remote's server side: the pre-receive hook that judges every push to a comment
 * repository (by the shared rules of src/comments/record.ts), the Node front's moderator check,
 * per-address push limit and mirroring, and moderation from the command line.
 */
export { createCommentRepos } from './comment-repos.ts';
export type { Admission, CommentRemoteOptions, CommentRepos } from './comment-repos.ts';
export { CommentConfigError, MirrorError, ModerationError } from './errors.ts';
export type { MirrorOptions, MirrorOutcome } from './mirror.ts';
export type { ModeratorCredentials } from './moderator-auth.ts';
export { moderateComment } from './moderate-comment.ts';
export type { ModerateOptions, ModerationResult } from './moderate-comment.ts';
export type { RateLimit } from './rate-limit.ts';
