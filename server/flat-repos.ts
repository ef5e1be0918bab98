// Repositories at `/<name>.git`, as the local remote of `npm start` serves them: no accounts
// (whoever reaches the server may fetch and push), created by their first push, held to the push
// policy. The repositories named as comment repositories (names compared without case) are the
// comment remote's (server/comments/): its pushes, its fetches, its page snapshots.
import type { ProvisionRepo } from './bare-repos.ts';
import type { CommentRemote } from './comments/index.ts';
import type { AllowedOrigins } from './cors.ts';
import type { Router } from './front.ts';
import { parseRepoPath } from './repo-path.ts';
import { serveRepository, type RepositoryService } from './serve-repository.ts';
import { parseSmartRequest, SMART_HTTP_ONLY } from './smart-http.ts';

/** The longest repository name taken. */
const MAX_REPO_NAME = 100;

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
  comments?: CommentRemote;
}

/** The {@link Router} of the repositories in `options.dataDir`. */
export function createFlatRepos(options: FlatReposOptions): Router {
  return {
    owns: (path) => /^\/[^/]+\.git(\/|$)/.test(path),
    origins: (path) => {
      const name = /^\/([^/]+)\.git(\/|$)/.exec(path)?.[1];
      return name !== undefined && options.comments?.owns(name) ? (options.commentOrigins ?? 'any') : options.origins;
    },
    notFound: `${SMART_HTTP_ONLY.trimEnd()}; a repository is at /<name>.git, a name of letters, digits, ".", "_" and "-" (at most ${MAX_REPO_NAME})\n`,
    match(method, rawUrl) {
      // A comment repository is the comment remote's whole: its smart HTTP, its page snapshots.
      const commentRepo = parseRepoPath(rawUrl);
      const comments = options.comments;
      if (commentRepo && comments?.owns(commentRepo.name) && (method === 'GET' || method === 'POST')) {
        return (request, response, exchange) => comments.handle(request, response, commentRepo, exchange.address);
      }
      const smart = parseSmartRequest(method, rawUrl);
      const name = smart && parseRepoPath(smart.repoPath)?.name;
      if (!smart || name === undefined || name.length > MAX_REPO_NAME) return undefined;
      if (options.comments?.only) return undefined;
      return async (request, response, exchange) => {
        const target = { root: options.dataDir, name, provision: options.provision, remoteAddr: exchange.address };
        await serveRepository(options.service, smart, target, request, response);
      };
    },
  };
}
