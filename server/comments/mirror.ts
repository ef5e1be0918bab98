// Mirroring a comment repository's accepted history to another git remote (a GitHub repository,
// say) with the git CLI: after each accepted push, one push at a time; a failure is reported and
// tried again after the next push. The token goes in an Authorization header through git's
// environment (GIT_CONFIG_*), never on a command line, in a URL or in a message.
import { MirrorError } from './errors.ts';
import { runGit } from './run-git.ts';

/** Where to mirror to, and the owner's token for it. */
export interface MirrorOptions {
  /** The mirror's URL, e.g. `https://github.com/<owner>/<repo>.git`. */
  url: string;
  /** A token (GitHub: a personal access token with Contents write), sent as the Basic password. */
  token?: string;
  /** The Basic user name sent with the token; default `x-access-token`. */
  username?: string;
}

/** What one mirroring run did. */
export type MirrorOutcome = { ok: true; repo: string; head: string } | { ok: false; repo: string; error: MirrorError };

/** The mirror of one repository. */
export interface Mirror {
  /** Asks for a mirror push of the branch as it is now; runs after the current one, if any. */
  schedule(): void;
  /** Waits for the running push and any scheduled one; schedules no more. */
  close(): Promise<void>;
}

const BRANCH = 'refs/heads/main';

/** A {@link Mirror} of the bare repository `dir` (named `repo` in messages). */
export function createMirror(repo: string, dir: string, options: MirrorOptions, onOutcome: (outcome: MirrorOutcome) => void): Mirror {
  let mirrored: string | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const runOnce = async (): Promise<void> => {
    const head = await readHead(dir);
    if (head === undefined || head === mirrored) return;
    const outcome = await runGit(['push', '--quiet', '--porcelain', options.url, `${BRANCH}:${BRANCH}`], dir, mirrorEnv(options));
    if (outcome.status === 0) {
      mirrored = head;
      onOutcome({ ok: true, repo, head });
    } else {
      onOutcome({ ok: false, repo, error: new MirrorError({ repo, mirror: redactUrl(options.url), detail: redact(outcome.stderr, options).trim() || `git push exited ${outcome.status}` }) });
    }
  };
  const loop = async (): Promise<void> => {
    do {
      again = false;
      await runOnce().catch((error: unknown) =>
        onOutcome({ ok: false, repo, error: new MirrorError({ repo, mirror: redactUrl(options.url), detail: redact(String(error), options) }) }),
      );
    } while (again && !closed);
    running = undefined;
  };
  return {
    schedule() {
      if (closed) return;
      if (running) again = true;
      else running = loop();
    },
    async close() {
      closed = true;
      await running;
    },
  };
}

async function readHead(dir: string): Promise<string | undefined> {
  const outcome = await runGit(['rev-parse', '--verify', '--quiet', BRANCH], dir, { PATH: process.env.PATH ?? '/usr/bin:/bin' });
  return outcome.status === 0 ? outcome.stdout.toString('latin1').trim() : undefined;
}

/** git's environment for the push: no user config, no prompts, the token as an extra header. */
function mirrorEnv(options: MirrorOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
  if (options.token === undefined) return env;
  const basic = Buffer.from(`${options.username ?? 'x-access-token'}:${options.token}`).toString('base64');
  return { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

/** `text` with the token, its Basic form and any URL credentials blotted out. */
function redact(text: string, options: MirrorOptions): string {
  let out = text.replace(/\/\/[^/@\s]*@/g, '//***@');
  if (options.token) {
    const basic = Buffer.from(`${options.username ?? 'x-access-token'}:${options.token}`).toString('base64');
    out = out.replaceAll(options.token, '***').replaceAll(basic, '***');
  }
  return out;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@');
}
