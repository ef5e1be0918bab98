// `npm run serve-remote` as "Deploying the comment remote for a book" runs it, behind a reverse
// proxy that passes the public host name on in `Host` (as Caddy does): with `--url`, that name is
// answered (a reader's comment pushed with git through it is published, the page snapshot served
// to the book), any other name is refused, other repositories are not served, SIGTERM stops it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { gitAsync, gitEnv, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { spawnTypeScript } from '../support/ts-process.ts';
import { commitFiles, newComment } from './comment-fixture.ts';

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUBLIC = 'comments.example.org';

afterAll(() => removeTempDirs());

/** The status of a GET with curl, sent as the proxy would: to the loopback port, naming `host`. */
async function statusFor(port: number, host: string, path: string, headers: readonly string[] = []): Promise<{ status: number; headers: string }> {
  const { stdout } = await execFileAsync('curl', ['-s', '-o', '/dev/null', '-D', '-', '-w', '%{http_code}', '-H', `Host: ${host}`, ...headers.flatMap((header) => ['-H', header]), `http://127.0.0.1:${port}${path}`]);
  return { status: Number(stdout.slice(-3)), headers: stdout.slice(0, -3).toLowerCase() };
}

it('serves the book comment remote to the name the proxy passes on, and nothing else', async () => {
  const data = makeTempDir('serve-remote-data');
  const flags = ['--port', '0', '--data', data, '--comments-only', '--comments', 'book.git', '--moderator', 'editor', '--rate-limit', '20/60', '--trust-proxy', '127.0.0.1', '--url', `https://${PUBLIC}`];
  const server = spawnTypeScript(join(ROOT, 'server', 'serve-remote.ts'), flags, { cwd: ROOT, env: { ...process.env, MODERATOR_PASSWORD: 'a moderator passphrase' } });
  const exited = new Promise<number | null>((done) => server.on('exit', done));
  try {
    let said = '';
    const port = await new Promise<number>((done, fail) => {
      server.stdout.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const found = /listening on 127\.0\.0\.1:(\d+)/.exec(said)?.[1];
        if (found) done(Number(found));
      });
      server.on('exit', () => fail(new Error(`serve-remote stopped: ${said}`)));
    });
    expect(said).toContain(`Comment remote: https://${PUBLIC}/book.git (moderator editor)`);

    const refs = '/book.git/info/refs?service=git-upload-pack';
    expect((await statusFor(port, PUBLIC, refs)).status).toBe(200);
    expect((await statusFor(port, 'rebinding.example.net', refs)).status).toBe(421);
    expect((await statusFor(port, PUBLIC, '/other.git/info/refs?service=git-upload-pack')).status).toBe(404);

    // A reader's comment, pushed with git through the "proxy" (the public name in Host).
    const viaProxy = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Host: ${PUBLIC}` };
    const work = join(makeTempDir('serve-remote-work'), 'work');
    await gitAsync(['init', '--quiet', '-b', 'main', work]);
    const reader = newComment();
    await commitFiles(work, { [reader.path]: encodeCommentFile(reader.comment) });
    await execFileAsync('git', ['push', '--quiet', `http://127.0.0.1:${port}/book.git`, 'HEAD:refs/for/main/first'], { cwd: work, env: gitEnv(viaProxy) });
    const { stdout: heads } = await execFileAsync('git', ['ls-remote', `http://127.0.0.1:${port}/book.git`, 'refs/heads/main'], { env: gitEnv(viaProxy) });
    expect(heads).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main$/m);
    const snapshot = await statusFor(port, PUBLIC, '/book.git/pages/chapter-3.pack', ['Origin: https://book.example.org']);
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers).toContain('access-control-allow-origin: https://book.example.org');
    expect(snapshot.headers).toMatch(/etag: "[0-9a-f]{40}"/);
  } finally {
    server.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});
