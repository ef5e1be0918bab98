// `npm run serve-remote -- [--port 8174] [--data .data/remotes] [--origin URL ...] [--url URL ...] [comment remote flags]`:
// runs the local git remote alone, for git clients on this machine and the pages of `--origin`
// (default Vite's dev server, http://localhost:5173 and http://127.0.0.1:5173). Any `<name>.git`
// under it is created by its first push; `comments.git` (or each `--comments NAME`) is a comment
// remote, whose pushes the server judges and folds into main. The comment flags are those of
// server/comment-flags.ts, and `--trust-proxy ADDR`: a reverse proxy in front, whose
// X-Forwarded-For the comment remote's limits believe; `--url URL`: the address people reach it
// at through that proxy (its host name, which the proxy passes on in `Host`, is then the only one
// answered; without it, only loopback names are).
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort, readSiteUrl, VITE_DEV_ORIGINS } from './cli.ts';
import { COMMENT_FLAGS, commentOptions } from './comment-flags.ts';
import { DEFAULT_COMMENTS_REPO, DEFAULT_DATA_DIR, DEFAULT_REMOTE_PORT, startLocalRemote } from './local-remote.ts';

const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' }, origin: { type: 'string', multiple: true }, 'trust-proxy': { type: 'string', multiple: true }, url: { type: 'string', multiple: true }, ...COMMENT_FLAGS } });

const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
const comments = { ...commentOptions(values, [DEFAULT_COMMENTS_REPO]), ...(values['trust-proxy'] ? { trustedProxies: values['trust-proxy'] } : {}) };
const urls = values.url?.map(readSiteUrl);
const remote = await startLocalRemote(readPort(values.port, DEFAULT_REMOTE_PORT), dataDir, comments, values.origin ?? VITE_DEV_ORIGINS, urls);
const shown = relative(process.cwd(), dataDir);
if (!comments.only) process.stdout.write(`Git remote: ${remote.url}<name>.git (repositories in ${shown.startsWith('..') || shown === '' ? dataDir : shown})\n`);
process.stdout.write(
  `Comment remote${comments.repos.length === 1 ? '' : 's'}: ${comments.repos.map((name) => `${remote.url}${name.replace(/\.git$/, '')}.git`).join(', ')}` +
    `${comments.moderator ? ` (moderator ${comments.moderator.username})` : ''}${comments.rateLimit ? `, at most ${comments.rateLimit.pushes} pushes per address in ${comments.rateLimit.perSeconds} s` : ''}` +
    `${comments.mirror ? `, mirrored to ${comments.mirror.url.replace(/\/\/[^/@]*@/, '//***@')}` : ''}` +
    `${urls ? `; listening on 127.0.0.1:${remote.port} for the proxy` : ''}\n`,
);
closeOnSignals(() => remote.close());

