/**
 * The comment remote's server side: `createCommentRemote` gives the request handling of the
 * comment repositories (snapshots of pages, fetches through git, pushes judged and folded into
 * `main` by the server), for any Node HTTP server to mount; moderation from the command line.
 */
export { createCommentRemote } from './comment-remote.ts';
export type { CommentRemote, CommentRemoteContext, CommentRemoteOptions } from './comment-remote.ts';
export { CommentConfigError, MirrorError, ModerationError } from './errors.ts';
export type { MirrorOptions, MirrorOutcome } from './mirror.ts';
export type { ModeratorCredentials } from './moderator-auth.ts';
export { moderateComment } from './moderate-comment.ts';
export type { ModerateOptions, ModerationResult } from './moderate-comment.ts';
export type { RateLimit } from '../rate-limit.ts';
export type { PushEvent, PushTimeline } from './receive-pack.ts';
