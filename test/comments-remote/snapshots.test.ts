// Page snapshots as files: written under the repository at the path readers ask for, so a static
// server can serve them; the same after a restart; written again when main moved while the server
// was down; none for a page without comments, whatever name is asked for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push } from './comment-fixture.ts';

afterAll(removeTempDirs);

async function snapshot(url: string, page: string): Promise<{ etag: string | null; bytes: Buffer }> {
  const answer = await fetch(`${url}/pages/${page}.pack`);
  expect(answer.status).toBe(200);
  return { etag: answer.headers.get('etag'), bytes: Buffer.from(await answer.arrayBuffer()) };
}

describe('page snapshot files', () => {
  it('are written on each change, outlive a restart, follow main moved meanwhile, and exist only for pages with comments', async () => {
    const dataDir = join(makeTempDir('comments-snapshots'), 'remotes');
    const options = { dataDir, comments: { repos: ['book.git'] } };
    const gitDir = join(dataDir, 'book.git');
    const file = join(gitDir, 'pages', 'chapter-3.pack');
    const first = newComment();
    let remote = await startGitRemote(options);
    let served: Awaited<ReturnType<typeof snapshot>>;
    try {
      const dir = await cloneRemote(`${remote.url}book.git`);
      await commitFiles(dir, { [first.path]: encodeCommentFile(first.comment) });
      expect((await push(dir)).ok).toBe(true);
      await expect.poll(() => existsSync(file)).toBe(true); // written on the change, before anyone asks
      served = await snapshot(`${remote.url}book.git`, 'chapter-3');
      expect(readFileSync(file).equals(served.bytes)).toBe(true);
      expect((await snapshot(`${remote.url}book.git`, 'no-such-page')).bytes.length).toBeGreaterThan(0);
      expect(existsSync(join(gitDir, 'pages', 'no-such-page.pack'))).toBe(false);
    } finally {
      await remote.close();
    }

    remote = await startGitRemote(options);
    try {
      const again = await snapshot(`${remote.url}book.git`, 'chapter-3');
      expect(again.etag).toBe(served.etag);
      expect(again.bytes.equals(served.bytes)).toBe(true);
    } finally {
      await remote.close();
    }

    // While the server is down, main gains a comment (a backup restored, say).
    const second = newComment();
    const work = makeTempDir('comments-snapshots-work');
    await gitAsync(['clone', '--quiet', gitDir, work]);
    await commitFiles(work, { [second.path]: encodeCommentFile(second.comment) });
    await gitAsync(['push', '--quiet', 'origin', 'HEAD:main'], { cwd: work });
    remote = await startGitRemote(options);
    try {
      const moved = await snapshot(`${remote.url}book.git`, 'chapter-3');
      expect(moved.etag).not.toBe(served.etag);
      expect(readFileSync(file).equals(moved.bytes)).toBe(true);
      expect(moved.bytes.length).toBeGreaterThan(served.bytes.length);
    } finally {
      await remote.close();
    }
  });
});
