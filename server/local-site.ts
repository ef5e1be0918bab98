// The site `npm start` runs, with nothing to configure (see server/start.ts): the app, its git
// remote at `/<name>.git` open to its own pages, `comments.git` for the demo chapter, and the way
// through to GitHub, GitLab and Codeberg, on the loopback.
import { DEFAULT_COMMENTS_REPO } from './local-remote.ts';
import { startSite, type Site } from './site.ts';
import { DEFAULT_UPSTREAMS } from './way-through/index.ts';

/** Generous for a reader, tight for a script: pushes per address and minute to the demo's comment remote. */
const DEMO_RATE_LIMIT = { pushes: 20, perSeconds: 60 };

/** Where the local site keeps what, and its port. */
export interface LocalSiteOptions {
  /** The port to try first; a busy one is swapped for a free one. */
  port: number;
  /** The built app. */
  appDir: string;
  /** The folder of the bare repositories. */
  dataDir: string;
  /** Where failures are told; default stderr. */
  report?: (message: string) => void;
}

/** Starts the local site; resolves once it listens. */
export function startLocalSite(options: LocalSiteOptions): Promise<Site> {
  const report = options.report ?? ((message: string) => process.stderr.write(`${message}\n`));
  return startSite({
    port: options.port,
    fallBackPort: true,
    appDir: options.appDir,
    repos: { kind: 'local', dataDir: options.dataDir },
    comments: {
      repos: [DEFAULT_COMMENTS_REPO],
      rateLimit: DEMO_RATE_LIMIT,
      onMirror: (outcome) => {
        if (!outcome.ok) report(`comment remote: ${outcome.error.message}`);
      },
    },
    wayThrough: { upstreams: DEFAULT_UPSTREAMS },
    onError: (error) => report(`taskgit: ${error.message}`),
  });
}
