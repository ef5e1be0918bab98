// One Node process serving everything a person's devices need, on one origin: the built app,
// git repositories over smart HTTP (the real `git http-backend`), optionally comment
// repositories, and the way through to GitHub, GitLab and Codeberg. `npm start` runs it on the
// loopback with flat repositories and no accounts; `npm run serve` runs it for the internet with
// accounts (device tokens), TLS or a trusted reverse proxy, and an access log. Both have the
// same defences: only their own app's origin (and configured ones), only their own host names,
// repositories created by a push, no force push.
import { mkdir, stat } from 'node:fs/promises';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import type { AccessLog } from './access-log.ts';
import { createAccountRepos, dataFolder, DeviceTokens } from './accounts/index.ts';
import { createRepoProvisioner } from './bare-repos.ts';
import { clientAddressOf } from './client-address.ts';
import { createCommentRemote, type CommentRemote, type CommentRemoteOptions } from './comments/index.ts';
import type { AllowedOrigins } from './cors.ts';
import { createEmptyRepo } from './empty-repo.ts';
import { gitExecPath } from './git-exec-path.ts';
import { createFlatRepos } from './flat-repos.ts';
import { createFront, type Router } from './front.ts';
import { hostsOfOrigins, loopbackHosts } from './host-check.ts';
import { baseUrl, closeServerGracefully, listen, listenOrFallBack } from './listen.ts';
import { createRateLimiter, type RateLimit } from './rate-limit.ts';
import { createPolicyHooks, gitConfigEnv, type PushPolicy } from './push-policy.ts';
import type { RepositoryService } from './serve-repository.ts';
import { siteConfig, type SiteConfig } from './site-config.ts';
import { createStaticFiles } from './static-files.ts';
import { noteAccepted } from './socket-accepted.ts';
import { DEFAULT_TIMEOUTS, timeoutServerOptions, type Timeouts } from './timeouts.ts';
import { createWayThrough, type WayThroughOptions } from './way-through/index.ts';

/** Where the repositories are and who may use them. */
export type SiteRepos =
  /** `/<name>.git` in `dataDir`, open to whoever reaches the server (the loopback default). */
  | { kind: 'local'; dataDir: string }
  /** `/<user>/<repo>.git` in the data folder `dataDir`, each user's for their device tokens. */
  | { kind: 'accounts'; dataDir: string; failures?: RateLimit };

/** How to run a {@link Site}. */
export interface SiteOptions {
  /** The address to listen on; default 127.0.0.1. */
  host?: string;
  port: number;
  /** Take a free port when `port` is busy (`npm start`); otherwise a busy port fails the start. */
  fallBackPort?: boolean;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The URLs people reach it at; their host names are the only ones answered. Default its loopback URLs. */
  urls?: readonly string[];
  /** Origins of other pages running the app (served elsewhere) that may use its repositories and way through; `'any'` is for tests only. */
  corsOrigins?: AllowedOrigins;
  /** Reverse proxies whose `X-Forwarded-For` names the client (for the per-address limits and the log). */
  trustedProxies?: readonly string[];
  /** The built app to serve; without it, only git and the way through are served. */
  appDir?: string;
  repos: SiteRepos;
  /** Comment repositories; `origins` are the book sites whose pages may use them (default any). */
  comments?: CommentRemoteOptions & { origins?: AllowedOrigins };
  /** The way through at `/proxy/`; `false` for none. */
  wayThrough?: Omit<WayThroughOptions, 'origins' | 'prefix'> | false;
  pushPolicy?: PushPolicy;
  /** The `git http-backend` binary; default the one in `git --exec-path`. */
  backend?: string;
  log?: AccessLog;
  /** Told of each request that failed with a 500. */
  onError?: (error: Error) => void;
  /** How long a client may take; default {@link DEFAULT_TIMEOUTS}. */
  timeouts?: Partial<Timeouts>;
}

/** A running site. */
export interface Site {
  /** Its first URL, e.g. `https://tasks.example.org/`. */
  readonly url: string;
  readonly port: number;
  /** What `/config.json` tells the app. */
  readonly config: SiteConfig;
  /** Takes a renewed certificate and key for new connections (on SIGHUP). */
  setTls(tls: { cert: string | Buffer; key: string | Buffer }): void;
  /** Stops taking connections and waits up to `graceMs` (default 10 s) for requests under way. */
  close(graceMs?: number): Promise<void>;
}

/** Wrong tokens an address may send: 10 in 10 minutes. */
const DEFAULT_FAILURES: RateLimit = { pushes: 10, perSeconds: 600 };

/** Starts a site; resolves once it listens. */
export async function startSite(options: SiteOptions): Promise<Site> {
  const backend = options.backend ?? join(await gitExecPath(), 'git-http-backend');
  const policy = options.pushPolicy ?? {};
  const emptyRepo = await createEmptyRepo();
  const hooks = await createPolicyHooks(policy).catch(async (error: unknown) => {
    await emptyRepo.close();
    throw error;
  });
  const service: RepositoryService = { backend, emptyRepo, policyEnv: gitConfigEnv(hooks.config) };
  try {
    return await listenSite(options, service, () => Promise.all([emptyRepo.close(), hooks.close()]));
  } catch (error) {
    await Promise.all([emptyRepo.close(), hooks.close()]);
    throw error;
  }
}

/** Builds the site's parts over `service` and listens; `release` frees what `service` holds once the site is closed. */
async function listenSite(options: SiteOptions, service: RepositoryService, release: () => Promise<unknown>): Promise<Site> {
  const corsOrigins = options.corsOrigins ?? [];
  const { routers, comments, dataDir } = await repoRouters(options, service, corsOrigins);
  if (options.wayThrough !== false) routers.push(createWayThrough({ ...(options.wayThrough ?? { upstreams: [] }), origins: corsOrigins }));

  let front: RequestListener = (_request, response) => response.destroy();
  const listener: RequestListener = (request, response) => front(request, response);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const serverOptions = timeoutServerOptions(timeouts);
  const server: Server = options.tls ? createHttpsServer({ ...serverOptions, ...options.tls }, listener) : createHttpServer(serverOptions, listener);
  server.setTimeout(timeouts.idleMs); // a silent connection is destroyed, and with it any git process it fed
  server.on(options.tls ? 'secureConnection' : 'connection', noteAccepted);
  const host = options.host ?? '127.0.0.1';
  const port = await (options.fallBackPort ? listenOrFallBack : listen)(server, options.port, host);
  const scheme = options.tls ? 'https' : 'http';
  const urls = (options.urls ?? [baseUrl(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, port, scheme)]).map((url) => new URL(url).href);
  // Without URLs given, the site is for this machine: any loopback name reaches it, as its own.
  const reachedAs = options.urls ? urls : [...urls, ...[...loopbackHosts(port)].map((name) => `${scheme}://${name}/`)];
  const ownOrigins = new Set(reachedAs.map((url) => new URL(url).origin));
  const config = siteConfig(urls[0] as string, options);
  front = createFront({
    hosts: hostsOfOrigins(ownOrigins),
    ownOrigins,
    https: urls.every((url) => url.startsWith('https:')),
    clientAddress: clientAddressOf(options.trustedProxies),
    routers,
    ...(options.appDir ? { files: await createStaticFiles({ root: options.appDir, documents: { '/config.json': config } }) } : {}),
    health: async () => {
      // The data folder is there (a lost mount is a failure); anyone may ask, so its path is not told.
      await stat(dataDir).catch(() => {
        throw new Error('the data folder cannot be read');
      });
      return {};
    },
    ...(options.log ? { log: options.log } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    url: urls[0] as string,
    port,
    config,
    setTls: (tls) => {
      if ('setSecureContext' in server && typeof server.setSecureContext === 'function') server.setSecureContext({ ...tls });
    },
    close: async (graceMs = 10_000) => {
      await closeServerGracefully(server, graceMs);
      await comments?.close();
      await release();
    },
  };
}

/** The routers of the repositories (and comment repositories) of `options.repos`. */
async function repoRouters(
  options: SiteOptions,
  service: RepositoryService,
  corsOrigins: AllowedOrigins,
): Promise<{ routers: Router[]; comments: CommentRemote | undefined; dataDir: string }> {
  const commentsDir = options.repos.kind === 'local' ? options.repos.dataDir : dataFolder(options.repos.dataDir).comments;
  if (options.repos.kind === 'local' || options.comments) await mkdir(commentsDir, { recursive: true });
  // With accounts, the flat paths are the comment repositories' only: no open git host beside them.
  const commentOptions = options.comments && (options.repos.kind === 'accounts' ? { ...options.comments, only: true } : options.comments);
  const comments = commentOptions ? createCommentRemote(commentOptions, { dataDir: commentsDir, backend: service.backend }) : undefined;
  const provision = createRepoProvisioner(commentsDir);
  const commentOrigins = options.comments?.origins ?? 'any';
  if (options.repos.kind === 'local') {
    const flat = createFlatRepos({ dataDir: commentsDir, service, provision, origins: corsOrigins, commentOrigins, ...(comments ? { comments } : {}) });
    return { routers: [flat], comments, dataDir: commentsDir };
  }
  const folder = dataFolder(options.repos.dataDir);
  await mkdir(folder.repos, { recursive: true });
  const routers: Router[] = [
    createAccountRepos({
      reposDir: folder.repos,
      tokens: new DeviceTokens(folder.tokens),
      failures: createRateLimiter(options.repos.failures ?? DEFAULT_FAILURES),
      service,
      origins: corsOrigins,
    }),
  ];
  if (comments) routers.push(createFlatRepos({ dataDir: commentsDir, service, provision, origins: corsOrigins, commentOrigins, comments }));
  return { routers, comments, dataDir: folder.root };
}
