// The names of users and their repositories on a server with accounts. Lower case only, checked
// as given (never decoded), so a name cannot smuggle in a path and two spellings of one name are
// one repository wherever the file system ignores case.

/** A user name: lower-case letters, digits and `-`, starting with a letter or digit, at most 39. */
const USER = /^[a-z0-9][a-z0-9-]{0,38}$/;
/** A repository name: lower-case letters, digits, `.`, `_` and `-`, not starting with a dot, at most 100. */
const REPO = /^[a-z0-9_-][a-z0-9._-]{0,99}$/;

/** Whether `name` is a valid user name. */
export function isUserName(name: string): boolean {
  return USER.test(name);
}

/** Whether `name` is a valid repository name (without `.git`). */
export function isRepoName(name: string): boolean {
  return REPO.test(name) && !name.endsWith('.git');
}

/** A repository of a user. */
export interface AccountRepo {
  user: string;
  /** Without `.git`. */
  repo: string;
}

/** The repository `/alice/tasks.git` names (any case given is taken as lower case), or `undefined`. */
export function parseAccountRepoPath(repoPath: string): AccountRepo | undefined {
  const match = /^\/([^/]+)\/([^/]+)\.git$/.exec(repoPath.toLowerCase());
  if (!match?.[1] || !match[2] || !isUserName(match[1]) || !isRepoName(match[2])) return undefined;
  return { user: match[1], repo: match[2] };
}

/** What a name must look like, in words for a command's error. */
export const NAME_RULES = {
  user: 'a user name is 1 to 39 lower-case letters, digits and "-", starting with a letter or digit',
  repo: 'a repository name is 1 to 100 lower-case letters, digits, ".", "_" and "-", not starting with a dot',
} as const;
