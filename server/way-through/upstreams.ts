// Where the way through may go: an allow-list of git hosts (GitHub, GitLab and Codeberg by
// default), and, for each request, the one smart-HTTP URL on such a host it names. A path that
// names another host, or anything but git's smart-HTTP requests, names nothing.
import { parseSmartRequest, type SmartRequest } from '../smart-http.ts';

/** A host the way through may reach. */
export interface Upstream {
  /** As it appears in paths and URLs: `github.com`, or `host:port`. Lower case. */
  host: string;
  /** Default `https`; `http` only for a loopback remote (tests, a local mirror). */
  scheme?: 'https' | 'http';
  /**
   * Reach the host at this address instead of resolving its name (`127.0.0.1:8443`): a local
   * mirror, or a test's stand-in. The name is still what TLS checks and what `Host` says.
   */
  connect?: string;
}

/** The hosts reached by default. */
export const DEFAULT_UPSTREAMS: readonly string[] = ['github.com', 'gitlab.com', 'codeberg.org'];

/** A request the way through will make. */
export interface UpstreamTarget {
  upstream: Required<Pick<Upstream, 'host' | 'scheme'>> & Pick<Upstream, 'connect'>;
  smart: SmartRequest;
  /** The URL asked for, e.g. `https://github.com/me/tasks.git/info/refs?service=git-upload-pack`. */
  url: URL;
}

/** A path segment of a repository: no escapes, no `.` or `..`. */
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

/** `upstreams` by host, each with its scheme. */
export function upstreamTable(upstreams: ReadonlyArray<string | Upstream>): Map<string, UpstreamTarget['upstream']> {
  const table = new Map<string, UpstreamTarget['upstream']>();
  for (const given of upstreams) {
    const upstream = typeof given === 'string' ? { host: given } : given;
    const host = upstream.host.toLowerCase();
    if (!/^[a-z0-9.-]+(:\d+)?$/.test(host)) throw new RangeError(`not a host name: ${upstream.host}`);
    table.set(host, { host, scheme: upstream.scheme ?? 'https', ...(upstream.connect ? { connect: upstream.connect } : {}) });
  }
  return table;
}

/**
 * What `method` and `rest` (the path after the way through's prefix: `github.com/me/tasks.git/info/refs?…`)
 * ask of which allowed host, or `undefined` when they ask nothing the way through does.
 */
export function resolveUpstream(table: ReadonlyMap<string, UpstreamTarget['upstream']>, method: string, rest: string): UpstreamTarget | undefined {
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const upstream = table.get(rest.slice(0, slash).toLowerCase());
  const smart = upstream && parseSmartRequest(method, rest.slice(slash));
  if (!upstream || !smart || !isRepositoryPath(smart.repoPath)) return undefined;
  return { upstream, smart, url: new URL(`${upstream.scheme}://${upstream.host}${rest.slice(slash)}`) };
}

/** Whether `path` (`/owner/repo.git`, `/group/sub/project`) is made of plain segments only. */
export function isRepositoryPath(path: string): boolean {
  const segments = path.split('/').slice(1);
  return segments.length >= 1 && segments.length <= 8 && segments.every((segment) => SEGMENT.test(segment));
}
