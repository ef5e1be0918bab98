// `npm start`: serves the built app (`dist/`) on 127.0.0.1 and, beside it, the local git remote
// to sync with, which also serves `comments.git` as a comment remote (hooked) for the demo book
// chapter. App port from `--port N`, `--port=N` or `PORT`, else 8173; the remote tries 8174;
// a busy port is swapped for a free one. The app learns its remotes from `/config.json`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort } from './cli.ts';
import { DEFAULT_COMMENTS_REPO, DEFAULT_DATA_DIR, DEFAULT_REMOTE_PORT, startLocalRemote } from './local-remote.ts';
import { startStaticServer } from './static-server.ts';

const DEFAULT_PORT = 8173;
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** The repository the app syncs with unless told otherwise. */
const DEFAULT_REPO = 'tasks.git';
/** The demo book chapter embedding the comment widget, built into dist/. */
const DEMO_CHAPTER = 'demo/chapter-3.html';
/** Generous for a reader, tight for a script: pushes per address and minute. */
const DEMO_RATE_LIMIT = { pushes: 20, perSeconds: 60 };

async function main(): Promise<void> {
  if (!existsSync(`${DIST}index.html`)) {
    process.stderr.write(`no build in ${DIST}: run \`npm run build\` first (npm start does)\n`);
    process.exit(1);
  }
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const wanted = readPort(values.port ?? process.env.PORT, DEFAULT_PORT);
  const remote = await startLocalRemote(DEFAULT_REMOTE_PORT, DEFAULT_DATA_DIR, { repos: [DEFAULT_COMMENTS_REPO], rateLimit: DEMO_RATE_LIMIT });
  const defaultRemote = `${remote.url}${DEFAULT_REPO}`;
  const commentsRemote = `${remote.url}${DEFAULT_COMMENTS_REPO}`;
  const server = await startStaticServer({ root: DIST, port: wanted, documents: { '/config.json': { defaultRemote, commentsRemote } } });
  if (wanted !== 0 && server.port !== wanted) process.stderr.write(`port ${wanted} is busy; using ${server.port}\n`);
  process.stdout.write(
    `Taskgit is running at ${server.url}\nGit remote for sync: ${defaultRemote}\nComment remote: ${commentsRemote}\nDemo book chapter: ${server.url}${DEMO_CHAPTER}\n`,
  );
  closeOnSignals(() => Promise.all([server.close(), remote.close()]));
}

await main();
