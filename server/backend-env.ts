// The CGI environment `git http-backend` is run with: the variables it reads and nothing else
// from this process but PATH (no HOME, so no user config of whoever runs the server).
import type { IncomingMessage } from 'node:http';

/** Where a request is served from. */
export interface BackendTarget {
  /** Absolute folder holding the bare repositories (`GIT_PROJECT_ROOT`). */
  dataDir: string;
  /** The request's path, e.g. `/tasks.git/info/refs` (`PATH_INFO`). */
  pathInfo: string;
  /** The request's query without `?` (`QUERY_STRING`). */
  query: string;
  /** Who the server checked the caller to be (`REMOTE_USER`, named in reflogs); never taken unchecked from the request. */
  remoteUser?: string;
  /** The client's address (`REMOTE_ADDR`), as the server determined it; default the socket's peer. */
  remoteAddr?: string;
  /** Git configuration for this request, outranking the repository's own (see push-policy.ts). */
  config?: Readonly<Record<string, string>>;
}

/** The environment for one request (RFC 3875 meta-variables plus git's own). */
export function backendEnv(request: IncomingMessage, target: BackendTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: target.dataDir,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: target.pathInfo,
    REQUEST_METHOD: request.method ?? 'GET',
    QUERY_STRING: target.query,
    REMOTE_ADDR: target.remoteAddr ?? request.socket.remoteAddress ?? '',
    ...target.config,
  };
  const optional: Record<string, string | undefined> = {
    CONTENT_TYPE: request.headers['content-type'],
    // Absent for a chunked body: the backend then reads stdin to its end.
    CONTENT_LENGTH: request.headers['content-length'],
    HTTP_CONTENT_ENCODING: request.headers['content-encoding'],
    GIT_PROTOCOL: header(request, 'git-protocol'),
    REMOTE_USER: target.remoteUser?.replace(/[^\x20-\x7e]/g, ''),
  };
  for (const [name, value] of Object.entries(optional)) if (value !== undefined && value !== '') env[name] = value;
  return env;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
