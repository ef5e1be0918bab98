// `npm run serve` hosting a comment remote, run as a book owner runs it (the production server's
// CLI in a process of its own): a reader's comment pushed with git is published and its page
// snapshot served to the book's site, with CORS for it only; the moderator (password from the
// environment) hides it, a wrong password is refused; the rate limit counts the address the
// trusted proxy forwards; SIGTERM stops it.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { moderateComment } from '../../server/comments/index.ts';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { spawnTypeScript } from '../support/ts-process.ts';
import { cloneRemote, commitFiles, newComment, push, rejections } from './comment-fixture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODERATOR = { username: 'editor', password: 'a long moderator passphrase' };
const BOOK = 'https://book.example.org';

afterAll(() => removeTempDirs());

/** Git's environment for a push that a proxy forwarded for `address`. */
const forwardedFor = (address: string) => ({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `X-Forwarded-For: ${address}` });

describe('npm run serve with comment flags', () => {
  it('publishes, serves snapshots to the book, moderates, limits per forwarded address, and stops', async () => {
    const data = makeTempDir('serve-comments-data');
    const app = makeTempDir('serve-comments-app');
    writeFileSync(join(app, 'index.html'), '<!doctype html><title>Taskgit</title>');
    const flags = ['--comments', 'book.git', '--comments-origin', BOOK, '--moderator', MODERATOR.username, '--rate-limit', '2/3600', '--trust-proxy', '127.0.0.1'];
    const server = spawnTypeScript(join(ROOT, 'server', 'taskgit.ts'), ['serve', '--data', data, '--port', '0', '--app', app, ...flags], {
      cwd: ROOT,
      env: { ...process.env, MODERATOR_PASSWORD: MODERATOR.password },
    });
    let stderr = '';
    const exited = new Promise<number | null>((done) => server.on('exit', done));
    try {
      const base = await new Promise<string>((done, fail) => {
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /Taskgit server at (\S+)/.exec(stderr)?.[1];
          if (found) done(found);
        });
        server.on('exit', () => fail(new Error(`serve stopped: ${stderr}`)));
      });
      const url = `${base}book.git`;
      const reader = newComment();
      const dir = await cloneRemote(url);
      await commitFiles(dir, { [reader.path]: encodeCommentFile(reader.comment) });
      expect((await push(dir, undefined, forwardedFor('203.0.113.5'))).ok).toBe(true);

      const snapshot = await fetch(`${url}/pages/chapter-3.pack`, { headers: { Origin: BOOK } });
      expect(snapshot.status).toBe(200);
      expect(snapshot.headers.get('access-control-allow-origin')).toBe(BOOK);
      expect(snapshot.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
      expect((await snapshot.arrayBuffer()).byteLength).toBeGreaterThan(100);
      const elsewhere = await fetch(`${url}/pages/chapter-3.pack`, { headers: { Origin: 'https://other.example.net' } });
      expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
      expect(existsSync(join(data, 'comments', 'book.git', 'pages', 'chapter-3.pack'))).toBe(true);

      const hidden = await moderateComment({ action: 'hide', url, id: reader.comment.id, credentials: MODERATOR, reason: 'spoiler' });
      expect(hidden.paths).toEqual([reader.path.replace(/\.json$/, '.hidden.json')]);
      await expect(moderateComment({ action: 'delete', url, id: reader.comment.id, credentials: { ...MODERATOR, password: 'guess' } })).rejects.toThrow(/HTTP 401/);

      // Two pushes per address: the third from 203.0.113.5 waits; another address is not held up.
      const second = newComment();
      await commitFiles(dir, { [second.path]: encodeCommentFile(second.comment) });
      expect((await push(dir, undefined, forwardedFor('203.0.113.5'))).ok).toBe(true);
      const limited = await push(dir, undefined, forwardedFor('203.0.113.5'));
      expect(limited.ok).toBe(false);
      expect(limited.stderr).toMatch(/429|Too many pushes from your address/);
      expect(rejections(limited.stderr)).toEqual([]);
      expect((await push(dir, undefined, forwardedFor('198.51.100.7'))).ok).toBe(true);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
