// The requests of git's smart-HTTP protocol, and nothing else: a ref advertisement
// (`GET <repo>/info/refs?service=git-upload-pack|git-receive-pack`) and the two RPCs
// (`POST <repo>/git-upload-pack`, `POST <repo>/git-receive-pack`). The dumb protocol's paths
// (`HEAD`, `objects/…`, `info/refs` without a service) are not among them: a server here serves
// what a git client needs to fetch and push, never files of a repository.

/** The two services of smart HTTP. */
export type SmartService = 'git-upload-pack' | 'git-receive-pack';

/** A smart-HTTP request, split into the repository's path and what is asked of it. */
export interface SmartRequest {
  /** The path up to the repository, e.g. `/alice/tasks.git` (raw, as sent). */
  repoPath: string;
  service: SmartService;
  /** `advertise`: the ref advertisement (GET); `rpc`: the service's POST. */
  kind: 'advertise' | 'rpc';
  /** Whether the request can change the repository (a push's POST). */
  writes: boolean;
}

const ADVERTISE = /^(\/.+)\/info\/refs$/;
const RPC = /^(\/.+)\/(git-upload-pack|git-receive-pack)$/;
const SERVICE_QUERY = /^service=(git-upload-pack|git-receive-pack)$/;

/**
 * The smart-HTTP request that `method` and `rawUrl` make, or `undefined` when they make none.
 * The path is taken raw (never decoded); the repository part is left to the caller to check.
 */
export function parseSmartRequest(method: string | undefined, rawUrl: string): SmartRequest | undefined {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt < 0 ? undefined : rawUrl.slice(queryAt + 1);
  if (method === 'GET') {
    const repoPath = ADVERTISE.exec(path)?.[1];
    const service = SERVICE_QUERY.exec(query ?? '')?.[1] as SmartService | undefined;
    if (repoPath === undefined || service === undefined) return undefined;
    return { repoPath, service, kind: 'advertise', writes: false };
  }
  if (method === 'POST' && query === undefined) {
    const match = RPC.exec(path);
    if (!match?.[1]) return undefined;
    const service = match[2] as SmartService;
    return { repoPath: match[1], service, kind: 'rpc', writes: service === 'git-receive-pack' };
  }
  return undefined;
}

/** The path and query `git http-backend` is given for `request` at the repository `repoPath`. */
export function smartRequestPath(request: SmartRequest, repoPath: string = request.repoPath): { pathInfo: string; query: string } {
  if (request.kind === 'advertise') return { pathInfo: `${repoPath}/info/refs`, query: `service=${request.service}` };
  return { pathInfo: `${repoPath}/${request.service}`, query: '' };
}

/** What a client is told when it asks a git path for something smart HTTP does not have. */
export const SMART_HTTP_ONLY =
  'not found: only git smart HTTP is served here (GET …/info/refs?service=git-upload-pack or git-receive-pack, POST …/git-upload-pack or …/git-receive-pack)\n';
