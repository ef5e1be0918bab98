/**
 * What the server the app was served by says about itself, in `/config.json` (never cached):
 * the remote the Sync settings start with, and the server's own remote and way through to
 * GitHub, GitLab and Codeberg, which the Sync settings offer first. A static host without it, or
 * no network, gives nothing.
 */

/** The server the app was served by, when it says. */
export interface ServingServer {
  /** Its host, e.g. `tasks.example.org`, to name it. */
  host: string;
  /** Its remote for the tasks; `{user}` stands for the user name where it has accounts. */
  remote: string;
  /** Its way through (the URL for the "CORS proxy" field) and the hosts it reaches. */
  wayThrough?: { url: string; hosts: string[] };
}

/** What `/config.json` says. */
export interface ServedBy {
  /** The remote the form starts with when nothing is saved. */
  defaultRemote?: string;
  server?: ServingServer;
}

/** Reads `/config.json`. */
export async function readServedBy(): Promise<ServedBy> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    return response.ok ? parseServedBy(await response.json()) : {};
  } catch {
    return {}; // offline, or a static host without it
  }
}

/** The parts of a `/config.json` document that are what they should be; anything else is left out. */
export function parseServedBy(config: unknown): ServedBy {
  if (!isObject(config)) return {};
  const servedBy: ServedBy = {};
  if (isHttpUrl(config.defaultRemote)) servedBy.defaultRemote = config.defaultRemote;
  const server = config.server;
  if (isObject(server) && isHttpUrl(server.remote)) {
    const host = new URL(server.remote.replace('{user}', 'user')).host;
    servedBy.server = { host, remote: server.remote };
    const way = server.wayThrough;
    if (isObject(way) && isHttpUrl(way.url) && Array.isArray(way.hosts)) {
      servedBy.server.wayThrough = { url: way.url, hosts: way.hosts.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.toLowerCase()) };
    }
  }
  return servedBy;
}

/** The server's remote for `username`; `undefined` while a user name is needed and missing. */
export function serverRemoteFor(server: ServingServer, username: string): string | undefined {
  if (!server.remote.includes('{user}')) return server.remote;
  const user = username.trim().toLowerCase();
  return user === '' ? undefined : server.remote.replace('{user}', encodeURIComponent(user));
}

/** Whether `url` names a host the server's way through reaches (and so needs it to be synced from a browser). */
export function needsWayThrough(server: ServingServer | undefined, url: string): boolean {
  if (!server?.wayThrough) return false;
  try {
    return server.wayThrough.hosts.includes(new URL(url.trim()).host.toLowerCase());
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value.replace('{user}', 'user'));
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
