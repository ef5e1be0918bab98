// Moderation on the comment remote: the moderator's Basic credentials, checked by the Node front
// by the comment remote itself, let `moderateComment` (the `npm run moderate` CLI) hide
// and delete comments; without them, or with wrong ones, the same changes are refused.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderateComment, ModerationError } from '../../server/comments/index.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile, parseCommentFilePath, validateCommentFile } from '../../src/comments/record.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push, rejections } from './comment-fixture.ts';

const MODERATOR = { username: 'editor', password: 'correct horse battery staple' };
let remote: GitRemote;
let counter = 0;

beforeAll(async () => {
  const repos = Array.from({ length: 10 }, (_, i) => `m${i + 1}.git`);
  remote = await startGitRemote({ dataDir: join(makeTempDir('comments-moderation'), 'remotes'), comments: { repos, moderator: MODERATOR } });
});
afterAll(async () => {
  await remote?.close();
  removeTempDirs();
});

/** A fresh comment repository holding one reader's comment. */
async function withComment(): Promise<{ url: string; comment: ReturnType<typeof newComment> }> {
  const url = `${remote.url}m${++counter}.git`;
  const dir = await cloneRemote(url);
  const comment = newComment();
  await commitFiles(dir, { [comment.path]: encodeCommentFile(comment.comment) });
  expect((await push(dir)).ok).toBe(true);
  return { url, comment };
}

async function filesOnRemote(url: string): Promise<string[]> {
  return (await gitAsync(['ls-tree', '-r', '--name-only', 'main'], { cwd: await cloneRemote(url) })).split('\n').filter(Boolean);
}

describe('moderation', () => {
  it('hides a comment with the moderator credentials', async () => {
    const { url, comment } = await withComment();
    const result = await moderateComment({ action: 'hide', url, id: comment.comment.id, credentials: MODERATOR, reason: 'off topic', now: new Date('2026-11-23T12:00:00Z') });
    const hidden = comment.path.replace(/\.json$/, '.hidden.json');
    expect(result.paths).toEqual([hidden]);
    expect(await filesOnRemote(url)).toEqual([comment.path, hidden].sort());
    const clone = await cloneRemote(url);
    const bytes = new Uint8Array(await gitAsync(['show', `main:${hidden}`], { cwd: clone }).then((text) => Buffer.from(text)));
    expect(validateCommentFile(hidden, bytes)).toEqual({ ok: true, value: { id: comment.comment.id, page: comment.comment.page, hidden: '2026-11-23T12:00:00.000Z', reason: 'off topic' } });
    expect(await gitAsync(['log', '-1', '--format=%an %s', 'main'], { cwd: clone })).toBe(`editor Hide comment ${comment.comment.id} on chapter-3 (moderator editor)\n`);
  });

  it('deletes a comment (and its hiding) with the moderator credentials', async () => {
    const { url, comment } = await withComment();
    await moderateComment({ action: 'hide', url, id: comment.comment.id, credentials: MODERATOR });
    const result = await moderateComment({ action: 'delete', url, id: comment.comment.id, credentials: MODERATOR });
    expect(result.paths.map((path) => parseCommentFilePath(path)?.kind).sort()).toEqual(['comment', 'hiding']);
    expect(await filesOnRemote(url)).toEqual([]);
  });

  it('refuses a deletion with wrong credentials (401) and without any', async () => {
    const { url, comment } = await withComment();
    const wrong = moderateComment({ action: 'delete', url, id: comment.comment.id, credentials: { ...MODERATOR, password: 'guess' } });
    await expect(wrong).rejects.toBeInstanceOf(ModerationError);
    await expect(wrong).rejects.toThrow(/the remote refused the moderator credentials \(HTTP 401\)/);
    const dir = await cloneRemote(url);
    await commitFiles(dir, { [comment.path]: null }, 'Delete without credentials');
    const anonymous = await push(dir);
    expect(anonymous.ok).toBe(false);
    expect(rejections(anonymous.stderr)).toEqual([expect.stringMatching(/may not be removed: .*only a moderator can delete one/)]);
    expect(await filesOnRemote(url)).toEqual([comment.path]);
  });

  it('refuses a hiding without credentials and a name sent without a password', async () => {
    const { url, comment } = await withComment();
    const dir = await cloneRemote(url);
    const hidden = comment.path.replace(/\.json$/, '.hidden.json');
    await commitFiles(dir, { [hidden]: encodeCommentFile({ id: comment.comment.id, page: comment.comment.page, hidden: '2026-11-23T12:00:00Z' }) });
    expect(rejections((await push(dir)).stderr)).toEqual([expect.stringMatching(/only a moderator may hide a comment/)]);
    // A user name alone (what the plain remote would pass on as REMOTE_USER) is refused, not trusted.
    const nameOnly = Buffer.from(`${MODERATOR.username}:`).toString('base64');
    const forged = await push(dir, ['origin', 'HEAD:refs/heads/main'], { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${nameOnly}` });
    expect(forged.ok).toBe(false);
    const answer = await fetch(`${url}/info/refs?service=git-receive-pack`, { headers: { Authorization: `Basic ${nameOnly}` } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="comments"/);
    expect(await answer.text()).toMatch(/Wrong moderator credentials/);
    expect(await filesOnRemote(url)).toEqual([comment.path]);
  });

  it("makes its change again on the new main when a reader's comment lands just before its push", async () => {
    const { url, comment } = await withComment();
    const reader = newComment();
    // A way to the remote that, when the moderator's push comes, first lets a reader's comment land.
    const proxy = await startProxy(url, async () => {
      const dir = await cloneRemote(url);
      await commitFiles(dir, { [reader.path]: encodeCommentFile(reader.comment) });
      expect((await push(dir)).ok).toBe(true);
    });
    try {
      const result = await moderateComment({ action: 'hide', url: proxy.url, id: comment.comment.id, credentials: MODERATOR });
      expect(result.attempts).toBe(2);
      expect(await filesOnRemote(url)).toEqual([comment.path, comment.path.replace(/\.json$/, '.hidden.json'), reader.path].sort());
      expect(await gitAsync(['log', '--format=%s', 'main'], { cwd: await cloneRemote(url) })).toMatch(/^Hide comment .*\nComment by Ada on chapter-3\n/);
    } finally {
      await new Promise((resolve) => proxy.server.close(resolve));
    }
  });

  it('says when the comment is not there', async () => {
    const { url } = await withComment();
    await expect(moderateComment({ action: 'hide', url, id: newComment().comment.id, credentials: MODERATOR })).rejects.toThrow(/no such comment on the remote/);
  });
});

/** An HTTP proxy to the repository at `url` that runs `beforeFirstPush` before passing on the first push's POST. */
async function startProxy(url: string, beforeFirstPush: () => Promise<void>): Promise<{ url: string; server: Server }> {
  const target = new URL(url);
  let pending: (() => Promise<void>) | undefined = beforeFirstPush;
  const server = createServer((incoming, answer) => {
    const pass = () => {
      const path = `${target.pathname}${(incoming.url ?? '').slice('/repo.git'.length)}`;
      const outgoing = httpRequest({ host: target.hostname, port: target.port, method: incoming.method, path, headers: { ...incoming.headers, host: target.host } }, (response) => {
        answer.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(answer);
      });
      incoming.pipe(outgoing);
    };
    const run = incoming.method === 'POST' && incoming.url?.endsWith('/git-receive-pack') ? pending : undefined;
    if (run) pending = undefined;
    incoming.pause();
    void (run ? run() : Promise.resolve()).then(pass, (error: unknown) => answer.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo.git`, server };
}
