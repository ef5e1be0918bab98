// One line per answered request, for the person running the server: when, from where, who
// (the checked user, never a credential), what, and how it went. The query is dropped unless it
// is git's `service=…`, and no header is ever written, so no token or password reaches the log.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request as logged. */
export interface AccessEntry {
  time: Date;
  address: string;
  /** The checked user, e.g. `alice (laptop)`; `-` when none. */
  user: string;
  method: string;
  path: string;
  status: number;
  bytesIn: number;
  bytesOut: number;
  ms: number;
  /** Whether the answer was cut before its end (the client left, or the server failed midway). */
  cut: boolean;
}

/** Where entries go. */
export type AccessLog = (entry: AccessEntry) => void;

/** `2026-11-23T20:39:00.000Z 203.0.113.7 alice(laptop) POST /alice/tasks.git/git-receive-pack 200 in=1204 out=131 38ms` */
export function formatAccessEntry(entry: AccessEntry): string {
  const user = entry.user.replace(/\s+/g, '');
  const cut = entry.cut ? ' cut' : '';
  return `${entry.time.toISOString()} ${entry.address} ${user || '-'} ${entry.method} ${entry.path} ${entry.status} in=${entry.bytesIn} out=${entry.bytesOut} ${Math.round(entry.ms)}ms${cut}`;
}

/** The path of `rawUrl` as logged: printable, at most 300 characters, with only git's `service=` query. */
export function loggedPath(rawUrl: string): string {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);
  const service = /^service=git-(upload|receive)-pack$/.test(query) ? `?${query}` : query === '' ? '' : '?…';
  return `${path.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char)).slice(0, 300)}${service}`;
}

/**
 * Logs `request` to `log` once its answer is done (or cut). `describe` is read then, so the
 * handler can name the user it checked meanwhile.
 */
export function logWhenDone(request: IncomingMessage, response: ServerResponse, describe: () => { address: string; user?: string | undefined }, log: AccessLog): void {
  const started = performance.now();
  const socket = request.socket;
  const readBefore = socket.bytesRead;
  const writtenBefore = socket.bytesWritten;
  response.once('close', () => {
    const { address, user } = describe();
    log({
      time: new Date(),
      address,
      user: user ?? '-',
      method: (request.method ?? '?').slice(0, 10),
      path: loggedPath(request.url ?? ''),
      status: response.statusCode,
      bytesIn: Math.max(0, socket.bytesRead - readBefore),
      bytesOut: Math.max(0, socket.bytesWritten - writtenBefore),
      ms: performance.now() - started,
      cut: !response.writableFinished,
    });
  });
}
