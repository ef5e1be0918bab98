// Each user's repositories at `/<user>/<repo>.git`, for devices holding one of that user's
// tokens (HTTP Basic: any user name, the token as the password). A wrong token counts against
// the client's address; too many and the address waits. A repository is created by its user's
// first push (or by the `repo add` command), never by a fetch.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRepoProvisioner } from '../bare-repos.ts';
import type { AllowedOrigins } from '../cors.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { Exchange, Router } from '../front.ts';
import { sendText } from '../security-headers.ts';
import { serveRepository, type RepositoryService } from '../serve-repository.ts';
import { parseSmartRequest, SMART_HTTP_ONLY } from '../smart-http.ts';
import type { DeviceTokens } from './device-tokens.ts';
import { parseAccountRepoPath, type AccountRepo } from './names.ts';

/** How to serve the users' repositories. */
export interface AccountReposOptions {
  /** The folder holding `<user>/<repo>.git`. */
  reposDir: string;
  tokens: DeviceTokens;
  /** Wrong tokens per client address (`check` before, `take` after each). */
  failures: RateLimiter;
  service: RepositoryService;
  /** Origins beyond the server's own whose pages may fetch and push. */
  origins: AllowedOrigins;
}

/** The {@link Router} of the users' repositories. */
export function createAccountRepos(options: AccountReposOptions): Router {
  const provision = createRepoProvisioner(options.reposDir);
  return {
    owns: (path) => /^\/[^/]+\/[^/]+\.git(\/|$)/.test(path),
    origins: () => options.origins,
    notFound: `${SMART_HTTP_ONLY.trimEnd()}; a repository is at /<user>/<repo>.git\n`,
    match(method, rawUrl) {
      const smart = parseSmartRequest(method, rawUrl);
      const repo = smart && parseAccountRepoPath(smart.repoPath);
      if (!smart || !repo) return undefined;
      return async (request, response, exchange) => {
        const user = await authenticate(options, repo, request, response, exchange);
        if (user === undefined) return;
        const target = { root: options.reposDir, name: `${repo.user}/${repo.repo}`, provision, remoteUser: user, remoteAddr: exchange.address };
        await serveRepository(options.service, smart, target, request, response);
      };
    },
  };
}

/** The user a request is from when its token opens `repo`; else answers the refusal and resolves to `undefined`. */
async function authenticate(
  options: AccountReposOptions,
  repo: AccountRepo,
  request: IncomingMessage,
  response: ServerResponse,
  exchange: Exchange,
): Promise<string | undefined> {
  await options.tokens.refresh();
  // From here until a wrong token is counted nothing waits: parallel guesses from one address
  // cannot all pass the check before the first of them is counted.
  const allowed = options.failures.check(exchange.address);
  if (!allowed.ok) {
    const wait = allowed.retryAfterSeconds;
    sendText(response, 429, `Too many wrong tokens from your address; try again in ${wait} seconds.\n`, { 'Retry-After': String(wait) });
    return undefined;
  }
  const token = basicPassword(request.headers.authorization);
  if (token === undefined) {
    sendText(response, 401, `${repo.user}/${repo.repo}.git needs a device token of ${repo.user} as the password (any user name).\n`, challenge(request));
    return undefined;
  }
  const record = options.tokens.lookup(token);
  if (record === undefined || record.user !== repo.user) {
    options.failures.take(exchange.address);
    const why = record === undefined ? 'it is not a token of this server: it was revoked, or mistyped' : `it is a token of another user`;
    sendText(response, 401, `The token was refused: ${why}. Make a new one on the server with: npm run taskgit -- token add ${repo.user} <device>\n`, challenge(request));
    return undefined;
  }
  exchange.user = `${record.user}(${record.device})`;
  return record.user;
}

/** The password of Basic credentials (the token), or `undefined` when there are none. */
function basicPassword(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * `WWW-Authenticate` for a git client, which needs it to send credentials at all; not for a page's
 * `fetch` (it carries `Sec-Fetch-Mode`), where the browser would show its own password dialog.
 */
function challenge(request: IncomingMessage): Record<string, string> {
  return request.headers['sec-fetch-mode'] === undefined ? { 'WWW-Authenticate': 'Basic realm="Taskgit", charset="UTF-8"' } : {};
}
