// The comment remote refuses what it is not for, each shown with the git CLI or curl against the
// real server: stray objects in a pack, dumb downloads and unadvertised objects, modes other
// than 100644 (read from the raw tree), comments a moderator deleted, guessed passwords, names in
// other cases, credentials nobody checked, zlib bombs, and addresses behind a trusted proxy.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderateComment } from '../../server/comments/index.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { gitAsync, gitText, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push, rejections } from './comment-fixture.ts';

const execFileAsync = promisify(execFile);
const MODERATOR = { username: 'editor', password: 'correct horse battery staple' };
const ZERO = '0'.repeat(40);
let remote: GitRemote;
let dataDir: string;
let counter = 0;

beforeAll(async () => {
  dataDir = join(makeTempDir('comments-hardening'), 'remotes');
  const repos = Array.from({ length: 12 }, (_, i) => `h${i + 1}.git`);
  remote = await startGitRemote({ dataDir, comments: { repos, moderator: MODERATOR, loginLimit: { pushes: 3, perSeconds: 600 }, trustedProxies: ['127.0.0.1'] } });
});
afterAll(async () => {
  await remote?.close();
  removeTempDirs();
});

function nextUrl(): { url: string; gitDir: string } {
  const name = `h${++counter}`;
  return { url: `${remote.url}${name}.git`, gitDir: join(dataDir, `${name}.git`) };
}

/** `curl` with `args`; resolves with the HTTP status and the body. */
async function curl(args: readonly string[]): Promise<{ status: number; body: Buffer }> {
  const { stdout } = await execFileAsync('curl', ['-s', '-o', '-', '-w', '\n%{http_code}', ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const newline = stdout.lastIndexOf(0x0a);
  return { status: Number(stdout.subarray(newline + 1).toString()), body: stdout.subarray(0, newline) };
}

function pktLine(text: string): string {
  return `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;
}

/** POSTs a receive-pack request (one command, then `pack`) with curl. */
async function curlPush(url: string, commit: string, pack: Buffer, headers: string[] = []): Promise<{ status: number; body: string }> {
  const dir = makeTempDir('curl-push');
  const file = join(dir, 'body');
  writeFileSync(file, Buffer.concat([Buffer.from(`${pktLine(`${ZERO} ${commit} refs/for/main/curl\0report-status\n`)}0000`), pack]));
  const answer = await curl(['-X', 'POST', '-H', 'Content-Type: application/x-git-receive-pack-request', ...headers.flatMap((h) => ['-H', h]), '--data-binary', `@${file}`, `${url}/git-receive-pack`]);
  return { status: answer.status, body: answer.body.toString('latin1') };
}

/** A clone of a fresh repository holding one published comment, main checked out. */
async function published(): Promise<{ dir: string; url: string; gitDir: string; comment: ReturnType<typeof newComment> }> {
  const { url, gitDir } = nextUrl();
  const dir = await cloneRemote(url);
  const comment = newComment();
  await commitFiles(dir, { [comment.path]: encodeCommentFile(comment.comment) });
  expect((await push(dir)).ok).toBe(true);
  await gitAsync(['fetch', '--quiet', 'origin'], { cwd: dir });
  await gitAsync(['reset', '--quiet', '--hard', 'origin/main'], { cwd: dir });
  return { dir, url, gitDir, comment };
}

async function remoteHead(url: string): Promise<string> {
  return (await gitAsync(['ls-remote', url, 'refs/heads/main'])).split('\t')[0] ?? '';
}

describe('comment remote hardening', () => {
  it('refuses a pack carrying objects no pushed commit holds, and never stores them', async () => {
    const { dir, url, gitDir } = await published();
    const comment = newComment();
    await commitFiles(dir, { [comment.path]: encodeCommentFile(comment.comment) });
    const commit = (await gitAsync(['rev-parse', 'HEAD'], { cwd: dir })).trim();
    const extra: string[] = [];
    for (let i = 0; i < 20; i++) extra.push(gitText(['hash-object', '-w', '--stdin'], { cwd: dir, input: `free hosting ${i}\n` }).trim());
    const own = (await gitAsync(['rev-list', '--objects', 'HEAD', '^origin/main'], { cwd: dir })).split('\n').filter(Boolean).map((line) => line.split(' ')[0]);
    const { stdout: pack } = await execFileAsync('sh', ['-c', `printf '%s\\n' ${[...own, ...extra].join(' ')} | git pack-objects --stdout`], { cwd: dir, encoding: 'buffer' });
    const before = await remoteHead(url);
    const answer = await curlPush(url, commit, pack);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('ng refs/for/main/curl the pack carries 20 objects that no pushed commit holds');
    expect(await remoteHead(url)).toBe(before);
    await expect(gitAsync(['cat-file', '-e', extra[0] as string], { cwd: gitDir })).rejects.toThrow();
  });

  it('serves only smart HTTP: no dumb downloads, no objects by id, protocol v2 or not', async () => {
    const { dir, url, gitDir } = await published();
    const blob = (await gitAsync(['rev-parse', 'origin/main:comments'], { cwd: dir })).trim();
    for (const path of ['HEAD', 'info/refs', 'objects/info/packs', `objects/${blob.slice(0, 2)}/${blob.slice(2)}`, 'config', 'hooks/pre-receive']) {
      expect((await curl([`${url}/${path}`])).status, path).toBe(404);
    }
    const hidden = gitText(['hash-object', '-w', '--stdin'], { cwd: gitDir, input: 'an object no ref reaches\n' }).trim();
    const stranger = makeTempDir('stranger');
    await gitAsync(['init', '--quiet', stranger]);
    for (const version of ['0', '2']) {
      for (const oid of [hidden, blob]) {
        await expect(gitAsync(['-c', `protocol.version=${version}`, 'fetch', '--quiet', url, oid], { cwd: stranger }), `${oid} over v${version}`).rejects.toThrow(/failed/);
      }
    }
    expect(await gitAsync(['-c', 'protocol.version=2', 'fetch', '--quiet', 'origin'], { cwd: dir })).toBe('');
  });

  it('refuses every mode but exactly 100644, as the raw tree holds it', async () => {
    const { dir, url } = await published();
    const comment = newComment();
    const blob = gitText(['hash-object', '-w', '--stdin'], { cwd: dir, input: new TextDecoder().decode(encodeCommentFile(comment.comment)) }).trim();
    const tree = async (mode: string, name: string, oid: string): Promise<string> => {
      const file = join(makeTempDir('raw-tree'), 'tree');
      writeFileSync(file, Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]));
      return (await gitAsync(['hash-object', '-t', 'tree', '--literally', '-w', file], { cwd: dir })).trim();
    };
    const page = await tree('100664', `${comment.comment.id}.json`, blob);
    const root = await tree('40000', 'comments', await tree('40000', 'chapter-3', page));
    const commit = (await gitAsync(['commit-tree', root, '-m', 'Group-writable comment'], { cwd: dir })).trim();
    const result = await push(dir, ['origin', `${commit}:refs/for/main/mode`]);
    expect(rejections(result.stderr)).toEqual([expect.stringMatching(/must be a plain file \(mode 100644, not 100664\)/)]);
    expect((await gitAsync(['ls-tree', '-r', 'origin/main'], { cwd: dir })).split('\n').filter(Boolean)).toHaveLength(1);
    expect(url).toBeTruthy();
  });

  it('keeps a comment the moderator deleted deleted, though pushed back byte for byte', async () => {
    const { url, comment } = await published();
    await moderateComment({ action: 'delete', url, id: comment.comment.id, credentials: MODERATOR });
    const again = await cloneRemote(url);
    await gitAsync(['checkout', '--quiet', '--orphan', 'again'], { cwd: again });
    await commitFiles(again, { [comment.path]: encodeCommentFile(comment.comment) }, 'The same comment again');
    expect(rejections((await push(again)).stderr)).toEqual([expect.stringMatching(/was deleted by a moderator and cannot be published again/)]);
  });

  it('limits failed moderator logins per address, before checking the password', async () => {
    const { url } = await published();
    const wrong = `Authorization: Basic ${Buffer.from(`${MODERATOR.username}:guess`).toString('base64')}`;
    const right = `Authorization: Basic ${Buffer.from(`${MODERATOR.username}:${MODERATOR.password}`).toString('base64')}`;
    const refs = `${url}/info/refs?service=git-receive-pack`;
    const from = (address: string) => ['-H', `X-Forwarded-For: ${address}`];
    for (let i = 0; i < 3; i++) expect((await curl(['-H', wrong, ...from('198.51.100.7'), refs])).status).toBe(401);
    const blocked = await curl(['-H', right, ...from('198.51.100.7'), '-D', '-', refs]);
    expect(blocked.status).toBe(429);
    expect(blocked.body.toString()).toMatch(/Retry-After: \d+/i);
    expect((await curl(['-H', right, ...from('198.51.100.8'), refs])).status).toBe(200);
    // A forged hop to the left of the client's own is not believed.
    expect((await curl(['-H', wrong, '-H', 'X-Forwarded-For: 198.51.100.9, 198.51.100.7', refs])).status).toBe(429);
  });

  it('compares repository names without case: /H6.git is the comment repository with its rules', async () => {
    const { dir, url } = await published();
    const upper = url.replace(/\/(h\d+)\.git$/, (_, name: string) => `/${name.toUpperCase()}.git`);
    expect(await remoteHead(upper)).toBe(await remoteHead(url));
    await gitAsync(['remote', 'set-url', 'origin', upper], { cwd: dir });
    await commitFiles(dir, { 'free-hosting.bin': 'anything' });
    expect(rejections((await push(dir, ['origin', 'HEAD:refs/heads/main'])).stderr)).toEqual([expect.stringMatching(/readers do not push to main/)]);
  });

  it('refuses a zlib bomb by its declared size, before inflating it', async () => {
    const { url } = await published();
    const size = 64 * 1024 * 1024;
    // A blob entry's header: type 3, the size in 4 bits then 7 bits per byte, high bit = more.
    const header: number[] = [];
    let byte = 0x30 | (size & 0x0f);
    for (let rest = size >> 4; rest > 0; rest >>= 7) {
      header.push(byte | 0x80);
      byte = rest & 0x7f;
    }
    header.push(byte);
    const body = Buffer.concat([Buffer.from('PACK'), Buffer.from([0, 0, 0, 2, 0, 0, 0, 1]), Buffer.from(header), deflateSync(Buffer.alloc(size), { level: 9 })]);
    const pack = Buffer.concat([body, createHash('sha1').update(body).digest()]);
    expect(pack.length).toBeLessThan(256 * 1024);
    const answer = await curlPush(url, 'f'.repeat(40), pack);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/unpack the pushed pack is refused: an object of \d+ bytes or more, over the 8192-byte limit/);
  });
});

describe('credentials nobody checked', () => {
  it('never become REMOTE_USER, on any repository: the reflog names the pusher anonymous', async () => {
    const plainDir = join(makeTempDir('plain-remote'), 'remotes');
    const plain = await startGitRemote({ dataDir: plainDir });
    try {
      const url = `${plain.url}plain.git`;
      const dir = await cloneRemote(url);
      await commitFiles(dir, { 'a.txt': 'a' });
      expect((await push(dir, ['origin', 'HEAD:refs/heads/main'])).ok).toBe(true);
      await gitAsync(['config', 'core.logAllRefUpdates', 'always'], { cwd: join(plainDir, 'plain.git') });
      await commitFiles(dir, { 'b.txt': 'b' });
      const basic = Buffer.from('moderator:anything').toString('base64');
      const result = await push(dir, ['origin', 'HEAD:refs/heads/main'], { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` });
      expect(result.ok, result.stderr).toBe(true);
      const reflog = readFileSync(join(plainDir, 'plain.git', 'logs', 'refs', 'heads', 'main'), 'utf8');
      expect(reflog).toContain('anonymous <anonymous@http.');
      expect(reflog).not.toContain('moderator');
    } finally {
      await plain.close();
    }
  });
});
