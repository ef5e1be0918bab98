// A local HTTPS stand-in for `github.com` (or any git host), for tests of the way through: the
// real `git http-backend` over bare repositories of a folder, behind a test certificate,
// answering only to its host name, asking for a personal access token as GitHub does (401 with a
// challenge, any user name), answering the redirects it is told to (a renamed repository, a move
// to another host), and recording every request it gets.
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { backendEnv } from '../../server/backend-env.ts';
import { gitExecPath } from '../../server/git-exec-path.ts';
import { runCgi } from '../../server/run-cgi.ts';
import type { TestCertificate } from './test-certificate.ts';

/** A request the stand-in got. */
export interface StandInRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A running stand-in. */
export interface GitHostStandIn {
  /** `127.0.0.1:<port>`: where the way through is told to connect for the host. */
  readonly address: string;
  readonly requests: StandInRequest[];
  close(): Promise<void>;
}

/** How the stand-in behaves. */
export interface StandInOptions {
  /** The host name it answers to, e.g. `github.com`. */
  host: string;
  certificate: TestCertificate;
  /** Its bare repositories: `<reposDir>/<owner>/<repo>.git`. */
  reposDir: string;
  /** The token it takes as the password; absent: no credentials asked. */
  token?: string;
  /** Path prefixes answered with a redirect: `/old/name.git` → `https://github.com/owner/repo.git` (the rest of the path kept). */
  redirects?: Readonly<Record<string, string>>;
}

/** Starts a stand-in on 127.0.0.1 at a free port. */
export async function startGitHostStandIn(options: StandInOptions): Promise<GitHostStandIn> {
  const backend = join(await gitExecPath(), 'git-http-backend');
  const requests: StandInRequest[] = [];
  const server: Server = createServer({ cert: options.certificate.cert, key: options.certificate.key }, (request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    if (request.headers.host !== options.host) {
      response.writeHead(421).end('wrong host\n');
      return;
    }
    const url = request.url ?? '/';
    const redirect = Object.entries(options.redirects ?? {}).find(([prefix]) => url.startsWith(`${prefix}/`));
    if (redirect) {
      // GitHub sets a cookie on some answers: the way through must not pass it on.
      response.writeHead(request.method === 'POST' ? 307 : 301, { Location: `${redirect[1]}${url.slice(redirect[0].length)}`, 'Set-Cookie': 'logged_in=no' });
      response.end();
      return;
    }
    if (options.token !== undefined && !hasToken(request.headers.authorization, options.token)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"', 'Content-Type': 'text/plain' }).end('Invalid username or token.\n');
      return;
    }
    const queryAt = url.indexOf('?');
    const env = backendEnv(request, { dataDir: options.reposDir, pathInfo: queryAt < 0 ? url : url.slice(0, queryAt), query: queryAt < 0 ? '' : url.slice(queryAt + 1), config: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.receivepack', GIT_CONFIG_VALUE_0: 'true' } });
    response.setHeader('Set-Cookie', '_gh_sess=secret-session');
    runCgi({ command: backend, env, request, response }).catch(() => response.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}
