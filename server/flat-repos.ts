// Repositories at `/<name>.git`, as the local remote of `npm start` serves them: no accounts
// (whoever reaches the server may fetch and push), created by their first push, held to the push
// policy. The repositories named as comment repositories are served by the rules of
// server/comments/ instead: the moderator's check, the push limit, the hook, the mirror.
import type { ProvisionRepo } from './bare-repos.ts';
import type { CommentRepos } from './comments/index.ts';
import type { AllowedOrigins } from './cors.ts';
import type { Router } from './front.ts';
import { parseRepoPath } from './repo-path.ts';
import { serveRepository, type RepositoryService } from './serve-repository.ts';
import { sendText } from './security-headers.ts';
import { parseSmartRequest, SMART_HTTP_ONLY } from './smart-http.ts';

/** The longest repository name taken. */
export const MAX_REPO_NAME = 100;

/** How to serve the repositories of one folder. */
export interface FlatReposOptions {
  /** The folder holding `<name>.git`. */
  dataDir: string;
  service: RepositoryService;
  provision: ProvisionRepo;
  /** Origins beyond the server's own whose pages may fetch and push. */
  origins: AllowedOrigins;
  /** Origins whose pages may use the comment repositories (the book sites embedding the widget); default any. */
  commentOrigins?: AllowedOrigins;
  comments?: CommentRepos;
}

/** The {@link Router} of the repositories in `options.dataDir`. */
export function createFlatRepos(options: FlatReposOptions): Router {
  return {
    owns: (path) => /^\/[^/]+\.git(\/|$)/.test(path),
    origins: (path) => {
      const name = /^\/([^/]+)\.git(\/|$)/.exec(path)?.[1];
      return name !== undefined && options.comments?.has(name) ? (options.commentOrigins ?? 'any') : options.origins;
    },
    notFound: `${SMART_HTTP_ONLY.trimEnd()}; a repository is at /<name>.git, a name of letters, digits, ".", "_" and "-" (at most ${MAX_REPO_NAME})\n`,
    match(method, rawUrl) {
      const smart = parseSmartRequest(method, rawUrl);
      const name = smart && parseRepoPath(smart.repoPath)?.name;
      if (!smart || name === undefined || name.length > MAX_REPO_NAME) return undefined;
      const comments = options.comments?.has(name) ? options.comments : undefined;
      if (options.comments?.only && !comments) return undefined;
      return async (request, response, exchange) => {
        let remoteUser: string | undefined;
        if (comments) {
          const admission = comments.admit(request, smart.writes);
          if (admission.kind === 'answer') {
            sendText(response, admission.status, admission.body, admission.headers);
            return;
          }
          remoteUser = admission.remoteUser;
          exchange.user = remoteUser;
          // A configured comment repository is made (and its hook installed) on first use.
          await options.provision(name);
        }
        const target = { root: options.dataDir, name, provision: options.provision, remoteUser, remoteAddr: exchange.address, ownHook: comments !== undefined };
        await serveRepository(options.service, smart, target, request, response);
        if (comments && smart.writes) comments.afterPush(name);
      };
    },
  };
}
