// A page snapshot's bytes do not depend on which SHA-1 the server sums the pack with: the served
// pack is exactly what the JavaScript pack encoder writes for the same objects (its own SHA-1
// trailer), git itself accepts it, and its ETag is the id of a commit whose page folder is main's.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startGitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { encodePack, parsePack } from '../../src/sync/index.ts';
import { git, gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push } from './comment-fixture.ts';

afterAll(removeTempDirs);

it('a page snapshot is the pack the JavaScript encoder writes, checksum included, and git reads it as main has the page', async () => {
  const remote = await startGitRemote({ dataDir: join(makeTempDir('comments-snapshot-bytes'), 'remotes'), comments: { repos: ['book.git'] } });
  try {
    const url = `${remote.url}book.git`;
    const work = await cloneRemote(url);
    const comments = [newComment(), newComment(), newComment('chapter-4')];
    await commitFiles(work, Object.fromEntries(comments.map(({ path, comment }) => [path, encodeCommentFile(comment)])));
    expect((await push(work)).ok).toBe(true);

    const answer = await fetch(`${url}/pages/chapter-3.pack`);
    const served = new Uint8Array(await answer.arrayBuffer());
    const objects = await parsePack(served, async () => undefined);
    expect(objects.map((object) => object.type)).toEqual(['commit', 'tree', 'tree', 'tree', 'blob', 'blob']);
    expect(Buffer.from(encodePack(objects)).equals(Buffer.from(served))).toBe(true);

    // git's own reading: the trailer checks out, and the ETag names a commit holding main's page folder.
    const check = join(makeTempDir('comments-snapshot-check'), 'check.git');
    await gitAsync(['init', '--quiet', '--bare', check]);
    git(['index-pack', '--stdin'], { cwd: check, input: served }); // fails on a wrong trailer
    const commit = (answer.headers.get('etag') ?? '').replaceAll('"', '');
    expect(commit).toBe(objects[0]?.oid);
    await gitAsync(['fetch', '--quiet', url, 'main'], { cwd: check });
    const onMain = await gitAsync(['rev-parse', 'FETCH_HEAD:comments/chapter-3'], { cwd: check });
    expect(await gitAsync(['rev-parse', `${commit}:comments/chapter-3`], { cwd: check })).toBe(onMain);
  } finally {
    await remote.close();
  }
});
