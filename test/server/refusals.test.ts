// What an attacker would try, with curl and the git CLI, against both servers: `npm start`'s
// local site (plain HTTP, no accounts) and the production server (HTTPS with a test certificate,
// device tokens). Each attempt is refused, and nothing on disk is created or changed.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceTokens, dataFolder } from '../../server/accounts/index.ts';
import { startLocalSite } from '../../server/local-site.ts';
import { readServeFlags } from '../../server/serve-flags.ts';
import { startSite, type Site } from '../../server/site.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { makeTestCertificate } from '../support/test-certificate.ts';

const run = promisify(execFile);

/** A server under attack, with a repository `tasks` holding one commit. */
interface Subject {
  site: Site;
  /** Where its repositories are, snapshotted around each attempt. */
  reposDir: string;
  /** The repository's path on the server, e.g. `/alice/tasks.git`. */
  repoPath: (name: string) => string;
  /** curl arguments every request needs (a token, the test CA). */
  curlArgs: string[];
  /** The git URL of a repository, with the credentials a device has. */
  gitUrl: (name: string) => string;
  /** Environment for the git CLI (the test CA). */
  env: Record<string, string>;
  /** The app folder's secrets that must never be served. */
  secrets: string[];
}

/** `status` and `body` of a curl request. */
async function curl(subject: Subject, path: string, args: readonly string[] = []): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-s', '-S', '--path-as-is', '-w', '\n%{http_code}', ...subject.curlArgs, ...args, `${subject.site.url.replace(/\/$/, '')}${path}`]);
  const at = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) };
}

/** Every file under `dir` with its size and time: any creation or change shows. */
function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else entries.push(`${relative(dir, path)} ${info.size} ${info.mtimeMs}`);
    }
  };
  walk(dir);
  return entries.sort();
}

/** An app folder with what a careless deploy leaves in it. */
function appWithSecrets(): { appDir: string; secrets: string[] } {
  const base = makeTempDir('refusals-app');
  const appDir = join(base, 'dist');
  mkdirSync(join(appDir, '.git'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Taskgit</title>');
  writeFileSync(join(appDir, '.env'), 'SECRET_ONE=dotenv');
  writeFileSync(join(appDir, '.git', 'config'), '[remote] url = https://SECRET_TWO@example.org');
  writeFileSync(join(base, 'outside.txt'), 'SECRET_THREE');
  symlinkSync(join(base, 'outside.txt'), join(appDir, 'linked.txt'));
  symlinkSync(base, join(appDir, 'linked-dir'));
  return { appDir, secrets: ['SECRET_ONE', 'SECRET_TWO', 'SECRET_THREE'] };
}

async function localSubject(): Promise<Subject> {
  const { appDir, secrets } = appWithSecrets();
  const reposDir = makeTempDir('refusals-local');
  const site = await startLocalSite({ port: 0, appDir, dataDir: reposDir, report: () => undefined });
  return { site, reposDir, repoPath: (name) => `/${name}.git`, curlArgs: [], gitUrl: (name) => `${site.url}${name}.git`, env: {}, secrets };
}

async function productionSubject(): Promise<Subject> {
  const { appDir, secrets } = appWithSecrets();
  const certificate = makeTestCertificate(['127.0.0.1']);
  const data = makeTempDir('refusals-production');
  const { token } = await new DeviceTokens(dataFolder(data).tokens).add('alice', 'laptop');
  const plan = readServeFlags(['--data', data, '--port', '0', '--cert', certificate.certPath, '--key', certificate.keyPath, '--app', appDir]);
  const site = await startSite(plan.site);
  const credentials = `alice:${token}`;
  return {
    site,
    reposDir: dataFolder(data).repos,
    repoPath: (name) => `/alice/${name}.git`,
    curlArgs: ['--cacert', certificate.certPath, '-u', credentials],
    gitUrl: (name) => `${site.url.replace('https://', `https://${credentials}@`)}alice/${name}.git`,
    env: { GIT_SSL_CAINFO: certificate.certPath },
    secrets,
  };
}

describe.each([
  ['npm start', localSubject],
  ['the production server', productionSubject],
])('refusals of %s', (_name, makeSubject) => {
  let subject: Subject;
  let work: string;
  let head: string;

  beforeAll(async () => {
    subject = await makeSubject();
    work = makeTempDir('refusals-work');
    await gitAsync(['init', '--quiet', '-b', 'main', 'device'], { cwd: work });
    await gitAsync(['commit', '--quiet', '--allow-empty', '-m', 'First'], { cwd: join(work, 'device') });
    await gitAsync(['commit', '--quiet', '--allow-empty', '-m', 'Second'], { cwd: join(work, 'device') });
    await git(['push', '--quiet', subject.gitUrl('tasks'), 'HEAD:refs/heads/main']);
    head = (await git(['rev-parse', 'HEAD'])).trim();
  });

  afterAll(async () => {
    await subject?.site.close(0);
    removeTempDirs();
  });

  function git(args: readonly string[]): Promise<string> {
    return gitAsync(args, { cwd: join(work, 'device'), env: subject.env });
  }

  /** Runs `attempt`, then checks nothing under the repositories changed and `tasks` is still at `head`. */
  async function unchanged(attempt: () => Promise<void>): Promise<void> {
    const before = snapshot(subject.reposDir);
    await attempt();
    expect(snapshot(subject.reposDir)).toEqual(before);
    expect(await git(['ls-remote', subject.gitUrl('tasks'), 'refs/heads/main'])).toBe(`${head}\trefs/heads/main\n`);
  }

  it('refuses pages of a foreign origin, even a null one, fetching or pushing', async () => {
    await unchanged(async () => {
      for (const origin of ['http://evil.test', 'null', subject.site.url.replace('127.0.0.1', 'localhost.evil.test')]) {
        const fetchRefs = await curl(subject, `${subject.repoPath('tasks')}/info/refs?service=git-upload-pack`, ['-H', `Origin: ${origin.replace(/\/$/, '')}`]);
        expect(fetchRefs.status).toBe(403);
        expect(fetchRefs.body).toContain('are not accepted here');
        const push = await curl(subject, `${subject.repoPath('tasks')}/git-receive-pack`, ['-H', `Origin: ${origin}`, '-H', 'Content-Type: application/x-git-receive-pack-request', '--data-binary', '0000']);
        expect(push.status).toBe(403);
        const preflight = await curl(subject, `${subject.repoPath('tasks')}/git-receive-pack`, ['-X', 'OPTIONS', '-H', `Origin: ${origin}`, '-H', 'Access-Control-Request-Method: POST']);
        expect(preflight.status).toBe(403);
      }
    });
  });

  it('refuses a foreign Host (DNS rebinding), for the app and for git', async () => {
    await unchanged(async () => {
      const port = new URL(subject.site.url).port;
      for (const path of ['/', `${subject.repoPath('tasks')}/info/refs?service=git-upload-pack`, `${subject.repoPath('new')}/git-receive-pack`]) {
        const answer = await curl(subject, path, ['-H', `Host: rebound.evil.test:${port}`]);
        expect(answer.status).toBe(421);
      }
    });
  });

  it('creates nothing for a GET or a clone of a new name, and refuses a 250-character name', async () => {
    await unchanged(async () => {
      const advertised = await curl(subject, `${subject.repoPath('brand-new')}/info/refs?service=git-upload-pack`);
      expect(advertised.status).toBe(200);
      const forPush = await curl(subject, `${subject.repoPath('brand-new')}/info/refs?service=git-receive-pack`);
      expect(forPush.status).toBe(200);
      const long = await curl(subject, `${subject.repoPath('a'.repeat(250))}/info/refs?service=git-upload-pack`);
      expect(long.status).toBe(404);
      await gitAsync(['clone', '--quiet', subject.gitUrl('cloned-new'), join(work, 'cloned-new')], { env: subject.env });
    });
  });

  it('refuses a force push', async () => {
    await unchanged(async () => {
      await git(['checkout', '--quiet', '-b', 'rewrite', 'HEAD~1']);
      await git(['commit', '--quiet', '--allow-empty', '-m', 'Rewritten']);
      const pushed = await git(['push', '--force', subject.gitUrl('tasks'), 'HEAD:refs/heads/main']).catch((error: Error) => error);
      expect(pushed).toBeInstanceOf(Error);
      expect(String(pushed)).toContain('Push refused: refs/heads/main would lose commits (a force push)');
      await git(['checkout', '--quiet', 'main']);
    });
  });

  it('refuses a branch deletion', async () => {
    await git(['push', '--quiet', subject.gitUrl('tasks'), 'HEAD:refs/heads/keep']);
    await unchanged(async () => {
      const deleted = await git(['push', subject.gitUrl('tasks'), ':refs/heads/keep']).catch((error: Error) => error);
      expect(String(deleted)).toContain('Push refused: refs/heads/keep cannot be deleted on this server.');
    });
    expect(await git(['ls-remote', subject.gitUrl('tasks'), 'refs/heads/keep'])).toBe(`${head}\trefs/heads/keep\n`);
  });

  it('refuses the dumb protocol and other paths of a repository', async () => {
    await unchanged(async () => {
      for (const path of ['/HEAD', '/config', '/objects/info/packs', '/info/refs', '/hooks/pre-receive']) {
        const answer = await curl(subject, `${subject.repoPath('tasks')}${path}`);
        expect(answer.status, path).toBe(404);
        expect(answer.body).toContain('only git smart HTTP');
      }
    });
  });

  it('never serves a dotfile or a file through a symlink out of the app folder', async () => {
    for (const path of ['/.env', '/.git/config', '/%2eenv', '/linked.txt', '/linked-dir/outside.txt', '/assets/../.env']) {
      const answer = await curl(subject, path);
      expect([403, 404], path).toContain(answer.status);
      for (const secret of subject.secrets) expect(answer.body).not.toContain(secret);
    }
  });

  it('sends nosniff and a Content-Security-Policy with every answer, refusals included', async () => {
    for (const path of ['/', '/.env', `${subject.repoPath('tasks')}/info/refs?service=git-upload-pack`, `${subject.repoPath('tasks')}/HEAD`, '/healthz', '/proxy/example.org/a/b.git/info/refs?service=git-upload-pack']) {
      const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-D', '-', ...subject.curlArgs, `${subject.site.url.replace(/\/$/, '')}${path}`]);
      expect(stdout.toLowerCase(), path).toContain('x-content-type-options: nosniff');
      expect(stdout.toLowerCase(), path).toContain('content-security-policy:');
    }
  });

  it('reaches through only to the allowed hosts, for smart HTTP only', async () => {
    for (const path of ['/proxy/example.org/owner/repo.git/info/refs?service=git-upload-pack', '/proxy/github.com/owner/repo.git/HEAD', '/proxy/127.0.0.1/owner/repo.git/info/refs?service=git-upload-pack']) {
      expect((await curl(subject, path)).status, path).toBe(404);
    }
  });

  it('answers /healthz', async () => {
    const answer = await curl(subject, '/healthz');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
  });
});

describe('the production server without a good token', () => {
  let subject: Subject;
  let tokens: DeviceTokens;
  let revoked: string;

  beforeAll(async () => {
    subject = await productionSubject();
    const data = join(subject.reposDir, '..');
    tokens = new DeviceTokens(dataFolder(data).tokens);
    const bob = await tokens.add('bob', 'phone');
    revoked = (await tokens.add('alice', 'old phone')).token;
    await tokens.revoke((await tokens.list()).find((record) => record.device === 'old phone')?.id ?? '');
    await gitAsync(['clone', '--quiet', subject.gitUrl('tasks'), join(makeTempDir('refusals-token'), 'first')], { env: subject.env });
    subject.secrets.push(bob.token);
  });

  afterAll(async () => {
    await subject?.site.close(0);
    removeTempDirs();
  });

  const attempt = (credentials: string[]) => curl({ ...subject, curlArgs: ['--cacert', subject.curlArgs[1] as string, ...credentials] }, '/alice/tasks.git/info/refs?service=git-upload-pack');

  it('refuses a fetch without a token, with a wrong one, a revoked one and another user\'s, then makes the address wait', async () => {
    const before = snapshot(subject.reposDir);
    const none = await attempt([]);
    expect(none.status).toBe(401);
    expect(none.body).toContain('needs a device token of alice');
    const bobToken = subject.secrets.at(-1) as string;
    for (const credentials of [`alice:wrong`, `alice:${revoked}`, `alice:${bobToken}`]) {
      const refused = await attempt(['-u', credentials]);
      expect(refused.status).toBe(401);
      expect(refused.body).toContain('The token was refused');
    }
    const clone = await gitAsync(['clone', '--quiet', subject.gitUrl('tasks').replace(/\/\/[^@]*@/, '//alice@'), join(makeTempDir('refusals-no-token'), 'x')], { env: subject.env }).catch((error: Error) => error);
    expect(clone).toBeInstanceOf(Error);
    // Ten wrong tokens in ten minutes, and the address waits, good token or not.
    for (let i = 0; i < 7; i++) await attempt(['-u', 'alice:wrong']);
    const waiting = await attempt(['-u', `alice:wrong`]);
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatch(/Too many wrong tokens from your address; try again in \d+ seconds/);
    expect(snapshot(subject.reposDir)).toEqual(before);
    expect(readFileSync(dataFolder(join(subject.reposDir, '..')).tokens, 'utf8')).not.toContain(bobToken);
  });
});
