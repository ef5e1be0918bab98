// `npm run serve-remote -- [--port 8174] [--data .data/remotes] [comment remote flags]`: runs the
// local git remote alone. Any `<name>.git` under it is created on first use; `comments.git` (or
// each `--comments NAME`) is a comment remote, whose pushes the pre-receive hook judges.
//   --comments-only      serve the comment repositories only (any other name answers 404)
//   --moderator NAME     the moderator's user name; the password is read from MODERATOR_PASSWORD
//   --rate-limit N/S     at most N pushes per client address in S seconds (e.g. 10/60)
//   --mirror URL         mirror accepted pushes to URL; a token from MIRROR_TOKEN, sent with
//                        --mirror-user (default x-access-token)
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort } from './cli.ts';
import type { CommentRemoteOptions, RateLimit } from './comments/index.ts';
import { DEFAULT_COMMENTS_REPO, DEFAULT_DATA_DIR, DEFAULT_REMOTE_PORT, startLocalRemote } from './local-remote.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    comments: { type: 'string', multiple: true },
    'comments-only': { type: 'boolean' },
    moderator: { type: 'string' },
    'rate-limit': { type: 'string' },
    mirror: { type: 'string' },
    'mirror-user': { type: 'string' },
  },
});

/** `N/S` as a rate limit. */
function readRateLimit(text: string): RateLimit {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new Error(`not a rate limit (pushes/seconds, e.g. 10/60): ${text}`);
  return { pushes: Number(match[1]), perSeconds: Number(match[2]) };
}

function commentOptions(): CommentRemoteOptions {
  const options: CommentRemoteOptions = { repos: values.comments ?? [DEFAULT_COMMENTS_REPO], only: values['comments-only'] ?? false };
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

const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
const comments = commentOptions();
const remote = await startLocalRemote(readPort(values.port, DEFAULT_REMOTE_PORT), dataDir, comments);
const shown = relative(process.cwd(), dataDir);
if (!comments.only) process.stdout.write(`Git remote: ${remote.url}<name>.git (repositories in ${shown.startsWith('..') || shown === '' ? dataDir : shown})\n`);
process.stdout.write(
  `Comment remote${comments.repos.length === 1 ? '' : 's'}: ${comments.repos.map((name) => `${remote.url}${name.replace(/\.git$/, '')}.git`).join(', ')}` +
    `${comments.moderator ? ` (moderator ${comments.moderator.username})` : ''}${comments.rateLimit ? `, at most ${comments.rateLimit.pushes} pushes per address in ${comments.rateLimit.perSeconds} s` : ''}` +
    `${comments.mirror ? `, mirrored to ${comments.mirror.url.replace(/\/\/[^/@]*@/, '//***@')}` : ''}\n`,
);
closeOnSignals(() => remote.close());
