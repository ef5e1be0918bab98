// Mirroring: after each accepted push the comment remote pushes its branch to another git remote
// with the git CLI and the owner's token; a failure is reported without the token and tried again
// after the next push.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moderateComment, type MirrorOutcome } from '../../server/comments/index.ts';
import { startGitRemote, type GitRemote } from '../../server/git-remote.ts';
import { encodeCommentFile } from '../../src/comments/record.ts';
import { gitAsync, makeTempDir, removeTempDirs } from '../support/git-cli.ts';
import { cloneRemote, commitFiles, newComment, push } from './comment-fixture.ts';

const TOKEN = 'ghp_mirror-token-0123456789';
const MODERATOR = { username: 'editor', password: 'moderator password' };
const started: GitRemote[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((remote) => remote.close()));
  removeTempDirs();
});

/** Mirror outcomes as they are reported, awaited one by one. */
function outcomes(): { record: (outcome: MirrorOutcome) => void; next: () => Promise<MirrorOutcome> } {
  const seen: MirrorOutcome[] = [];
  const waiting: Array<(outcome: MirrorOutcome) => void> = [];
  return {
    record: (outcome) => {
      const waiter = waiting.shift();
      if (waiter) waiter(outcome);
      else seen.push(outcome);
    },
    next: () => {
      const ready = seen.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

async function start(options: Parameters<typeof startGitRemote>[0]): Promise<GitRemote> {
  const remote = await startGitRemote(options);
  started.push(remote);
  return remote;
}

/** Pushes one new comment to `url` and returns the new head. */
async function pushComment(url: string): Promise<{ head: string; path: string }> {
  const dir = await cloneRemote(url);
  const comment = newComment();
  await commitFiles(dir, { [comment.path]: encodeCommentFile(comment.comment) }, `Comment ${comment.comment.id}`);
  const result = await push(dir);
  expect(result.ok, result.stderr).toBe(true);
  return { head: (await gitAsync(['ls-remote', url, 'refs/heads/main'])).split('\t')[0] ?? '', path: comment.path };
}

describe('mirroring', () => {
  it('pushes each accepted push to the mirror with the token', async () => {
    // The mirror is itself a comment remote whose moderator password is the token: a deletion
    // reaches it only when the token is sent.
    const target = await start({ dataDir: join(makeTempDir('mirror-target'), 'remotes'), comments: { repos: ['mirror.git'], moderator: { username: 'x-access-token', password: TOKEN } } });
    const mirrorUrl = `${target.url}mirror.git`;
    const reported = outcomes();
    const primary = await start({
      dataDir: join(makeTempDir('mirror-primary'), 'remotes'),
      comments: { repos: ['comments.git'], moderator: MODERATOR, mirror: { url: mirrorUrl, token: TOKEN }, onMirror: reported.record },
    });
    const url = `${primary.url}comments.git`;
    const { head, path } = await pushComment(url);
    expect(await reported.next()).toEqual({ ok: true, repo: 'comments', head });
    const mirror = await cloneRemote(mirrorUrl);
    expect(await gitAsync(['log', '--format=%H', 'main'], { cwd: mirror })).toContain(head);

    const id = path.split('/')[2]?.replace('.json', '') ?? '';
    const deleted = await moderateComment({ action: 'delete', url, id, credentials: MODERATOR });
    expect(await reported.next()).toEqual({ ok: true, repo: 'comments', head: deleted.commit });
    const after = await cloneRemote(mirrorUrl);
    expect(await gitAsync(['log', '-1', '--format=%H', 'main'], { cwd: after })).toBe(`${deleted.commit}\n`);
    expect(await gitAsync(['ls-tree', '-r', '--name-only', 'main'], { cwd: after })).toBe('');
  });

  it('reports a failure without the token in its message', async () => {
    const target = await start({ dataDir: join(makeTempDir('mirror-target'), 'remotes'), comments: { repos: ['mirror.git'], moderator: { username: 'x-access-token', password: 'another token' } } });
    const reported = outcomes();
    const primary = await start({
      dataDir: join(makeTempDir('mirror-primary'), 'remotes'),
      comments: { repos: ['comments.git'], mirror: { url: `${target.url}mirror.git`, token: TOKEN }, onMirror: reported.record },
    });
    await pushComment(`${primary.url}comments.git`);
    const failed = await reported.next();
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe('MIRROR_FAILED');
    expect(failed.error.message).toContain(`${target.url}mirror.git`);
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    expect(failed.error.message).not.toContain(TOKEN);
    expect(failed.error.message).not.toContain(basic);
  });

  it('catches up after a failed mirror push once the mirror is there', async () => {
    const mirrorDir = join(makeTempDir('mirror-local'), 'later.git');
    const reported = outcomes();
    const primary = await start({
      dataDir: join(makeTempDir('mirror-primary'), 'remotes'),
      comments: { repos: ['comments.git'], mirror: { url: mirrorDir }, onMirror: reported.record },
    });
    const url = `${primary.url}comments.git`;
    const first = await pushComment(url);
    expect((await reported.next()).ok).toBe(false);
    await gitAsync(['init', '--quiet', '--bare', '-b', 'main', mirrorDir]);
    const second = await pushComment(url);
    expect(await reported.next()).toEqual({ ok: true, repo: 'comments', head: second.head });
    const log = await gitAsync(['log', '--format=%H', 'main'], { cwd: mirrorDir });
    expect(log).toContain(first.head);
    expect(log).toContain(second.head);
  });
});
