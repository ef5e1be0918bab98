// Which repository a request to the git remote names. Checked on the raw path, never decoded, so
// `%2e%2e` and friends cannot smuggle a `..` past the check.

/** A request path that names a repository. */
export interface RepoPath {
  /** The repository's name: `tasks` for `/tasks.git/info/refs`. */
  name: string;
  /** The whole path, as git http-backend's `PATH_INFO`. */
  pathInfo: string;
  /** The query without `?`. */
  query: string;
}

/**
 * `/<name>.git` then path segments; a name is letters, digits, `.`, `_` and `-` but does not
 * start with a dot (no `..`, no hidden folders such as the server's own `.new-*`).
 */
const REPO_PATH = /^\/([A-Za-z0-9_-][A-Za-z0-9._-]*)\.git((?:\/[A-Za-z0-9._-]+)*)$/;

/** The repository `rawUrl` names, or `undefined` when it names none (answer 404). */
export function parseRepoPath(rawUrl: string): RepoPath | undefined {
  const queryAt = rawUrl.indexOf('?');
  const pathInfo = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  const match = REPO_PATH.exec(pathInfo);
  if (!match?.[1]) return undefined;
  if ((match[2] ?? '').split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return { name: match[1], pathInfo, query: queryAt < 0 ? '' : rawUrl.slice(queryAt + 1) };
}
