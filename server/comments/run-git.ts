// Runs the git CLI for the comment remote's server-side code, asynchronously (the hook and the
// server must never block on git), with the environment the caller gives.
import { execFile } from 'node:child_process';

/** The outcome of one git call. */
export interface GitOutcome {
  /** Exit status; 0 is success. */
  status: number;
  stdout: Buffer;
  stderr: string;
}

const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs `git <args>` in `cwd`, resolving with its status and both outputs (never rejecting on a non-zero exit). */
export function runGit(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Promise<GitOutcome> {
  return new Promise((done, fail) => {
    const child = execFile('git', args, { cwd, env, encoding: 'buffer', maxBuffer: MAX_BUFFER }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : undefined;
      if (status === undefined) fail(error);
      else done({ status, stdout, stderr: stderr.toString('utf8') });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
