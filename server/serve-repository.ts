// Serves one smart-HTTP request for one repository through `git http-backend`, once the caller
// has decided who may do what. A repository that does not exist yet is shown as the empty
// repository (server/empty-repo.ts) and created only when a push arrives that may create it;
// git configuration in the backend's environment enforces the push policy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backendEnv } from './backend-env.ts';
import type { ProvisionRepo } from './bare-repos.ts';
import type { EmptyRepo } from './empty-repo.ts';
import { runCgi } from './run-cgi.ts';
import { sendText } from './security-headers.ts';
import { smartRequestPath, type SmartRequest } from './smart-http.ts';

/** What serving repositories needs, whatever the layout. */
export interface RepositoryService {
  /** The `git http-backend` binary. */
  backend: string;
  /** Shown for repositories that do not exist yet. */
  emptyRepo: EmptyRepo;
  /** Backend environment enforcing the push policy (see push-policy.ts). */
  policyEnv: Readonly<Record<string, string>>;
}

/** One repository, as the caller resolved and authorised it. */
export interface RepositoryTarget {
  /** `GIT_PROJECT_ROOT` of the repository. */
  root: string;
  /** Its name below `root`, without `.git`: `tasks`, or `alice/tasks`. */
  name: string;
  /** Creates it; absent when a push may not create it (the push then gets a 404). */
  provision?: ProvisionRepo;
  /** The checked identity of the caller, for reflogs and hooks. */
  remoteUser?: string;
  /** The client's address. */
  remoteAddr?: string;
}

/** Answers `smart` for `target`; resolves once the answer is complete. */
export async function serveRepository(
  service: RepositoryService,
  smart: SmartRequest,
  target: RepositoryTarget,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let root = target.root;
  let repoPath = `/${target.name}.git`;
  if (!(await isRepository(join(target.root, `${target.name}.git`)))) {
    if (!smart.writes) {
      root = service.emptyRepo.root;
      repoPath = service.emptyRepo.repoPath;
    } else if (target.provision) {
      await target.provision(target.name);
    } else {
      sendText(response, 404, 'not found: no such repository\n');
      return;
    }
  }
  const { pathInfo, query } = smartRequestPath(smart, repoPath);
  const env = backendEnv(request, { dataDir: root, pathInfo, query, remoteUser: target.remoteUser, remoteAddr: target.remoteAddr, config: service.policyEnv });
  await runCgi({ command: service.backend, env, request, response });
}

async function isRepository(dir: string): Promise<boolean> {
  return (await stat(join(dir, 'HEAD')).catch(() => undefined))?.isFile() ?? false;
}
