// `npm run taskgit`, run as a person runs it: a token made by the command and shown once, the
// server started by `serve` taking it, the access log naming the device and never the token, a
// revocation by the command refused by the running server, and SIGTERM stopping it cleanly.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { spawnTypeScript } from '../support/ts-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'server', 'taskgit.ts');

async function taskgit(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(TSX, [CLI, ...args], { cwd: ROOT });
  return stdout;
}

afterAll(() => removeTempDirs());

describe('npm run taskgit', () => {
  it('makes a token the server takes, logs the device and never the token, refuses it once revoked, and stops on SIGTERM', async () => {
    const data = makeTempDir('cli-data');
    const app = makeTempDir('cli-app');
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>Taskgit</title>');
    const made = await taskgit('token', 'add', 'alice', 'laptop', '--data', data);
    const token = /tgt_[A-Za-z0-9_-]+/.exec(made)?.[0] as string;
    const id = /Token ([0-9a-f]{8})/.exec(made)?.[1] as string;
    expect(token).toBeDefined();
    const listed = await taskgit('token', 'list', '--data', data);
    expect(listed).toMatch(new RegExp(`${id}\\s+alice\\s+laptop`));
    expect(listed).not.toContain(token);

    const server = spawnTypeScript(CLI, ['serve', '--data', data, '--port', '0', '--app', app], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => server.on('exit', done));
    try {
      const url = await new Promise<string>((done, fail) => {
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /Taskgit server at (\S+)/.exec(stderr)?.[1];
          if (found) done(found);
        });
        server.on('exit', () => fail(new Error(`serve stopped: ${stderr}`)));
      });
      const advertise = (password: string) =>
        fetch(`${url}alice/tasks.git/info/refs?service=git-upload-pack`, { headers: { Authorization: `Basic ${Buffer.from(`alice:${password}`).toString('base64')}` } });
      expect((await advertise(token)).status).toBe(200);
      await taskgit('token', 'revoke', id, '--data', data);
      const refused = await advertise(token);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('it was revoked, or mistyped');
      await expect.poll(() => stdout).toMatch(/alice\(laptop\) GET \/alice\/tasks\.git\/info\/refs\?service=git-upload-pack 200/);
      expect(stdout).not.toContain(token);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: finishing requests under way');
  });

  it('refuses a wrong name in words, and says how to use it', async () => {
    const data = makeTempDir('cli-wrong');
    const failure = await taskgit('token', 'add', 'Alice!', 'phone', '--data', data).catch((error: { stderr: string; code: number }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('a user name is 1 to 39 lower-case letters');
    const usage = await taskgit('bogus').catch((error: { stderr: string; code: number }) => error);
    expect(usage).toMatchObject({ code: 2 });
    expect((usage as { stderr: string }).stderr).toContain('token add <user> <device>');
  });
});
