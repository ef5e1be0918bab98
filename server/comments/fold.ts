// The fold: the one writer of `main`. Readers' accepted submissions queue here and are published
// in batches, one plain commit per batch that adds their files (disjoint additions, so a fold
// never conflicts); the moderator's pushes fast-forward `main` in their turn. Each waiting push
// learns, per ref, whether its files are on `main` or why they never will be.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { commentFilePath, type Comment, type Retraction } from '../../src/comments/record.ts';
import { encodeCommit, type Oid, type Signature } from '../../src/store/index.ts';
import type { PackObject } from '../../src/sync/index.ts';
import type { CommandVerdict, SubmittedFile } from './judge-push.ts';
import { buildTrees, fileOnMain, loadMainState, readPages, type MainState, type PageChanges } from './main-state.ts';
import type { RepoObjects } from './repo-objects.ts';
import { moveRef } from './move-ref.ts';
import { epochNow } from '../socket-accepted.ts';

/** Submissions folded into one commit at most. */
const MAX_BATCH = 256;
/** Submissions waiting at most; past it a push is asked to come back later (HTTP 503). */
export const MAX_WAITING = 4096;

/**
 * What became of one ref's work: on `main`; refused for good with the reason; or not done this
 * time (`temporary`: the remote failed, the pusher should try again later).
 */
export type FoldOutcome = { ok: true; batch?: BatchTiming } | { ok: false; reason: string; temporary?: boolean };

/** When the batch that published a submission began and moved `main` (epoch ms), and how many submissions it held. */
export interface BatchTiming {
  began: number;
  moved: number;
  size: number;
}

type Work =
  | { kind: 'submission'; files: SubmittedFile[]; done: (outcome: FoldOutcome) => void }
  | { kind: 'fast-forward'; verdict: Extract<CommandVerdict, { kind: 'fast-forward' }>; objects: readonly PackObject[]; done: (outcome: FoldOutcome) => void };

/** The fold of one comment repository. */
export interface Fold {
  /** `main`'s head now (loading the state first if needed). */
  head(): Promise<Oid | undefined>;
  /** The state of `main` (read-only for callers). */
  state(): Promise<MainState>;
  /** How many submissions wait. */
  readonly waiting: number;
  /** Queues a submission; resolves once it is on `main` or refused for good. */
  submit(files: SubmittedFile[]): Promise<FoldOutcome>;
  /** Queues a moderator's fast-forward with the pack objects it needs. */
  fastForward(verdict: Extract<CommandVerdict, { kind: 'fast-forward' }>, objects: readonly PackObject[]): Promise<FoldOutcome>;
  /** Waits for the work under way. */
  close(): Promise<void>;
}

/** What the fold tells its owner after each new head: the pages it changed. */
export type OnFolded = (head: Oid, pages: ReadonlySet<string>) => void;

/** A {@link Fold} over the bare repository `gitDir`. */
export function createFold(gitDir: string, objects: RepoObjects, onFolded: OnFolded): Fold {
  let loaded: Promise<MainState> | undefined;
  const load = (): Promise<MainState> => (loaded ??= loadMainState(objects, gitDir).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  }));
  const queue: Work[] = [];
  let running: Promise<void> | undefined;
  const run = async (): Promise<void> => {
    while (queue.length > 0) {
      const state = await load().catch((error: unknown) => {
        for (const work of queue.splice(0)) work.done(failed(error));
        return undefined;
      });
      if (!state) return;
      const first = queue[0] as Work;
      if (first.kind === 'fast-forward') {
        queue.shift();
        first.done(await applyFastForward(state, first).catch((error: unknown) => failed(error)));
        continue;
      }
      let count = 0;
      while (count < queue.length && count < MAX_BATCH && queue[count]?.kind === 'submission') count++;
      const batch = queue.splice(0, count) as Array<Extract<Work, { kind: 'submission' }>>;
      const began = epochNow();
      const outcomes = await applyBatch(state, batch, began).catch((error: unknown) => batch.map(() => failed(error)));
      batch.forEach((work, i) => work.done(outcomes[i] as FoldOutcome));
    }
  };
  const kick = (): void => {
    running ??= run().finally(() => {
      running = undefined;
      if (queue.length > 0) kick();
    });
  };
  const schedule = (work: Work): void => {
    queue.push(work);
    kick();
  };

  async function moveMain(state: MainState, next: Oid): Promise<void> {
    try {
      await moveRef(gitDir, 'refs/heads/main', state.head, next);
    } catch (error) {
      loaded = undefined; // someone else moved it, or holds its lock: read it again before the next batch
      throw error;
    }
    state.head = next;
  }

  async function applyBatch(state: MainState, batch: ReadonlyArray<Extract<Work, { kind: 'submission' }>>, began: number): Promise<FoldOutcome[]> {
    const changes: PageChanges = { add: [], remove: [] };
    const adding = new Map<string, SubmittedFile>();
    const outcomes: FoldOutcome[] = [];
    const lines: string[] = [];
    for (const work of batch) {
      const refusal = await judgeAgainstMain(state, work.files, adding, objects);
      outcomes.push(refusal === undefined ? { ok: true } : { ok: false, reason: refusal });
      if (refusal !== undefined) continue;
      for (const file of work.files) {
        const existing = fileOnMain(state, file.page, file.name);
        if (existing?.oid === file.oid || adding.get(file.path)?.oid === file.oid) continue; // already published: nothing to do
        adding.set(file.path, file);
        changes.add.push({ page: file.page, name: file.name, oid: file.oid });
        if (file.kind === 'retraction') {
          const id = file.name.slice(0, -'.retracted.json'.length);
          changes.remove.push({ page: file.page, name: `${id}.json` });
          lines.push(`Retract comment ${id} on ${file.page}`);
        } else lines.push(describeComment(file));
      }
    }
    if (changes.add.length === 0) return outcomes;
    const built = buildTrees(state, changes);
    const subject = lines.length === 1 ? (lines[0] as string) : `Publish ${lines.length} comments`;
    const commit = encodeCommit({
      tree: built.root,
      parents: state.head === undefined ? [] : [state.head],
      author: remoteSignature(),
      committer: remoteSignature(),
      message: lines.length === 1 ? `${subject}\n` : `${subject}\n\n${lines.join('\n')}\n`,
    });
    // One round of writes, the commit with its trees and blobs: main moves only once all are written.
    const written = await objects.write([...[...adding.values()].map((file) => ({ type: 'blob' as const, content: file.bytes })), ...built.objects, { type: 'commit', content: commit }]);
    const next = written.at(-1) as Oid;
    await moveMain(state, next);
    const touched = new Set([...changes.add, ...changes.remove].map((change) => change.page));
    for (const { page, name } of changes.remove) state.removed.add(`comments/${page}/${name}`);
    state.pages = built.pages;
    state.pageTrees = built.pageTrees;
    onFolded(next, touched);
    const timing: BatchTiming = { began, moved: epochNow(), size: batch.length };
    return outcomes.map((outcome) => (outcome.ok ? { ok: true, batch: timing } : outcome));
  }

  async function applyFastForward(state: MainState, work: Extract<Work, { kind: 'fast-forward' }>): Promise<FoldOutcome> {
    if (work.verdict.old !== state.head) return { ok: false, reason: 'fetch first' };
    await objects.write(work.objects.map((object) => ({ type: object.type, content: object.content })));
    const commit = work.objects.find((object) => object.oid === work.verdict.new);
    const tree = commit && /^tree ([0-9a-f]{40})/.exec(new TextDecoder().decode(commit.content))?.[1];
    if (!tree) return { ok: false, reason: 'the pushed commit is missing' };
    await moveMain(state, work.verdict.new);
    await readPages(state, objects, tree);
    const touched = new Set<string>();
    for (const change of work.verdict.changes) {
      touched.add(change.path.split('/')[1] ?? '');
      if (!change.after) state.removed.add(change.path);
    }
    onFolded(work.verdict.new, touched);
    return { ok: true };
  }

  return {
    head: async () => (await load()).head,
    state: load,
    get waiting() {
      return queue.length;
    },
    submit: (files) => new Promise((done) => schedule({ kind: 'submission', files, done })),
    fastForward: (verdict, packObjects) => new Promise((done) => schedule({ kind: 'fast-forward', verdict, objects: packObjects, done })),
    close: async () => {
      while (running) await running;
    },
  };
}

/**
 * Why `files` cannot join `main` as it is (with `adding` of this batch before them), or
 * `undefined`: a comment must be new (or already there, byte for byte) and never removed before;
 * a retraction must name a comment on `main` whose secretHash its secret matches.
 */
async function judgeAgainstMain(state: MainState, files: readonly SubmittedFile[], adding: ReadonlyMap<string, SubmittedFile>, objects: RepoObjects): Promise<string | undefined> {
  for (const file of files) {
    const existing = fileOnMain(state, file.page, file.name) ?? adding.get(file.path);
    if (existing?.oid === file.oid) continue;
    if (existing) return `${file.path} already exists with other contents; comment ids are never reused`;
    if (state.removed.has(file.path)) {
      return file.kind === 'comment' && fileOnMain(state, file.page, file.name.replace(/\.json$/, '.retracted.json'))
        ? `${file.path} was retracted by its author and cannot be published again`
        : `${file.path} was deleted by a moderator and cannot be published again`;
    }
    if (file.kind !== 'retraction') continue;
    const id = file.name.slice(0, -'.retracted.json'.length);
    const commentPath = commentFilePath(file.page, id);
    const comment = adding.get(commentPath)?.bytes ?? (await readFile(state, file.page, `${id}.json`, objects));
    if (comment === undefined) return `${file.path} retracts a comment the remote does not have`;
    const secret = (JSON.parse(new TextDecoder().decode(file.bytes)) as Retraction).secret;
    if (bytesToHex(sha256(new TextEncoder().encode(secret))) !== (JSON.parse(new TextDecoder().decode(comment)) as Comment).secretHash) {
      return `the secret in ${file.path} does not match the comment's secretHash; only the browser that wrote a comment can retract it`;
    }
  }
  return undefined;
}

async function readFile(state: MainState, page: string, name: string, objects: RepoObjects): Promise<Uint8Array | undefined> {
  const entry = fileOnMain(state, page, name);
  return entry === undefined ? undefined : (await objects.read(entry.oid))?.content;
}

function describeComment(file: SubmittedFile): string {
  try {
    const comment = JSON.parse(new TextDecoder().decode(file.bytes)) as Comment;
    return `${comment.parent ? 'Reply' : 'Comment'} by ${comment.author.trim().replace(/\s+/g, ' ')} on ${file.page}`;
  } catch {
    return `Comment on ${file.page}`;
  }
}

function remoteSignature(): Signature {
  return { name: 'Comment remote', email: 'remote@comments.invalid', timestamp: Math.floor(Date.now() / 1000), timezoneOffset: 0 };
}

function failed(error: unknown): FoldOutcome {
  return { ok: false, temporary: true, reason: `the comment remote could not publish it (${error instanceof Error ? error.message : String(error)}); try again later` };
}
