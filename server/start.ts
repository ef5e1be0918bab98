// `npm start`: the local site of server/local-site.ts, with no configuration: on 127.0.0.1, the
// built app (`dist/`), its git remote at `/<name>.git` (repositories in `.data/remotes`, created
// by their first push), `comments.git` as a comment remote for the demo book chapter, and the way
// through to GitHub, GitLab and Codeberg at `/proxy/`. Only its own pages may use it and only
// loopback names reach it. Port from `--port N`, `--port=N` or `PORT`,
// else 8173; a busy port is swapped for a free one. The app learns all this from `/config.json`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeOnSignals, readPort } from './cli.ts';
import { DEFAULT_DATA_DIR } from './local-remote.ts';
import { startLocalSite } from './local-site.ts';
import { DEFAULT_UPSTREAMS } from './way-through/index.ts';

const DEFAULT_PORT = 8173;
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** The demo book chapter embedding the comment widget, built into dist/. */
const DEMO_CHAPTER = 'demo/chapter-3.html';

async function main(): Promise<void> {
  if (!existsSync(`${DIST}index.html`)) {
    process.stderr.write(`no build in ${DIST}: run \`npm run build\` first (npm start does)\n`);
    process.exit(1);
  }
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const wanted = readPort(values.port ?? process.env.PORT, DEFAULT_PORT);
  const site = await startLocalSite({ port: wanted, appDir: DIST, dataDir: DEFAULT_DATA_DIR });
  if (wanted !== 0 && site.port !== wanted) process.stderr.write(`port ${wanted} is busy; using ${site.port}\n`);
  process.stdout.write(
    [
      `Taskgit is running at ${site.url}`,
      `Git remote for sync: ${site.config.server.remote}`,
      `Way through to ${DEFAULT_UPSTREAMS.join(', ')}: ${site.config.server.wayThrough?.url} (the app's "CORS proxy")`,
      `Comment remote: ${site.config.commentsRemote}`,
      `Demo book chapter: ${site.url}${DEMO_CHAPTER}`,
      '',
    ].join('\n'),
  );
  closeOnSignals(() => site.close());
}

await main();
