// The command-line flags that make a server a comment remote, shared by `npm run serve-remote`
// and `npm run serve`:
//   --comments NAME      a comment repository (repeatable; default comments.git)
//   --comments-only      serve the comment repositories only (any other name answers 404)
//   --moderator NAME     the moderator's user name; the password is read from MODERATOR_PASSWORD
//   --rate-limit N/S     at most N pushes per client address in S seconds (e.g. 10/60)
//   --mirror URL         mirror accepted pushes to URL; a token from MIRROR_TOKEN, sent with
//                        --mirror-user (default x-access-token)
import type { ParseArgsConfig } from 'node:util';
import type { CommentRemoteOptions, RateLimit } from './comments/index.ts';

/** The flags, for `parseArgs`. */
export const COMMENT_FLAGS = {
  comments: { type: 'string', multiple: true },
  'comments-only': { type: 'boolean' },
  moderator: { type: 'string' },
  'rate-limit': { type: 'string' },
  mirror: { type: 'string' },
  'mirror-user': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** The values `parseArgs` gives for {@link COMMENT_FLAGS}. */
export interface CommentFlagValues {
  comments?: string[];
  'comments-only'?: boolean;
  moderator?: string;
  'rate-limit'?: string;
  mirror?: string;
  'mirror-user'?: string;
}

/** `N/S` as a rate limit. */
export function readRateLimit(text: string): RateLimit {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`not a rate limit (pushes/seconds, e.g. 10/60): ${text}`);
  return { pushes: Number(match[1]), perSeconds: Number(match[2]) };
}

/** The comment remote the flags describe; `fallback` names the repositories when `--comments` is absent. */
export function commentOptions(values: CommentFlagValues, fallback: readonly string[]): CommentRemoteOptions {
  const options: CommentRemoteOptions = { repos: values.comments ?? fallback, only: values['comments-only'] ?? false };
  if (values.moderator !== undefined) {
    const password = process.env.MODERATOR_PASSWORD;
    if (!password) throw new Error('--moderator needs the password in the environment variable MODERATOR_PASSWORD');
    options.moderator = { username: values.moderator, password };
  }
  if (values['rate-limit'] !== undefined) options.rateLimit = readRateLimit(values['rate-limit']);
  if (values.mirror !== undefined) {
    const token = process.env.MIRROR_TOKEN;
    options.mirror = { url: values.mirror, ...(token ? { token } : {}), ...(values['mirror-user'] ? { username: values['mirror-user'] } : {}) };
  }
  return options;
}
