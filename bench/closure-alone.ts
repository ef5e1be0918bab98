// The fetch's link and tree checks alone (`PackClosure`, src/sync/unpack/pack-closure.ts), in Node,
// over the objects of the sync bench's pull: the 10,000-item fixture committed in batches of 1,000,
// then 1,000 one-item commits (bench/native-git.ts), packed by `git pack-objects` as upload-pack
// would send them, and fed to a fresh closure per round in the pack's order. Prints the CPU time
// of each round: a measure of this code alone, steadier than a whole pull.
//   npx tsx bench/closure-alone.ts                (20 rounds after 5 untimed)
//   CLOSURE_ROUNDS=50 npx tsx bench/closure-alone.ts
// Compare two versions by running it alternately in their worktrees, under the bench lock.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../test/support/git-cli.ts';
import { PackClosure } from '../src/sync/unpack/pack-closure.ts';
import type { ObjectType, Oid } from '../src/store/index.ts';
import { seededIds } from './fixture.ts';
import { createNativeWorkTree, fastImportChanges } from './native-git.ts';
import { round, series } from './stats.ts';
import { SYNC_PLAN } from './sync-run.ts';

interface PackObject {
  oid: Oid;
  type: Exclude<ObjectType, never>;
  content: Uint8Array;
}

function git(args: readonly string[], cwd: string, input?: string): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
}

/** The pull's objects in the order of the pack git would send (by offset), with their contents. */
async function pullObjects(dir: string): Promise<PackObject[]> {
  const ids = seededIds(SYNC_PLAN.items, SYNC_PLAN.seed);
  const before = await createNativeWorkTree(dir, ids, SYNC_PLAN.batch);
  const after = await fastImportChanges(dir, ids, 1000, SYNC_PLAN.pullCommits);
  const prefix = join(dir, 'pull');
  const name = git(['pack-objects', '--revs', '--delta-base-offset', prefix], dir, `${after}\n^${before}\n`).toString().trim();
  const listing = git(['verify-pack', '-v', `${prefix}-${name}.idx`], dir).toString();
  const rows = listing
    .split('\n')
    .map((line) => line.split(/\s+/))
    .filter((cells) => /^[0-9a-f]{40}$/.test(cells[0] ?? '') && ['commit', 'tree', 'blob', 'tag'].includes(cells[1] ?? ''))
    .map((cells) => ({ oid: cells[0] as Oid, type: cells[1] as ObjectType, offset: Number(cells[4]) }))
    .sort((a, b) => a.offset - b.offset);
  const batch = git(['cat-file', '--batch'], dir, rows.map((row) => `${row.oid}\n`).join(''));
  const objects: PackObject[] = [];
  let at = 0;
  for (const row of rows) {
    const header = batch.subarray(at, batch.indexOf(0x0a, at)).toString();
    const size = Number(header.split(' ')[2]);
    const start = at + header.length + 1;
    objects.push({ oid: row.oid, type: row.type, content: new Uint8Array(batch.subarray(start, start + size)) });
    at = start + size + 1;
  }
  return objects;
}

const rounds = Number(process.env.CLOSURE_ROUNDS ?? 20);
const warmup = 5;
const dir = makeTempDir('closure-alone');
try {
  const objects = await pullObjects(dir);
  let entries = 0;
  for (const { type, content } of objects) if (type === 'tree') for (let i = 0; i < content.length; i = content.indexOf(0, i) + 21) entries++;
  const cpu: number[] = [];
  let outside = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    const started = process.cpuUsage();
    const closure = new PackClosure();
    for (const { oid, type, content } of objects) closure.add(oid, type, content);
    outside = closure.finish().length;
    const spent = process.cpuUsage(started);
    if (round >= warmup) cpu.push((spent.user + spent.system) / 1000);
  }
  const figures = series(cpu);
  process.stdout.write(
    `closure alone: ${objects.length} objects, ${entries} tree entries, ${outside} named outside the pack; ` +
      `CPU per round (ms, ${rounds} rounds): median ${round(figures.median, 1)}, min ${round(Math.min(...cpu), 1)}, max ${round(Math.max(...cpu), 1)}\n`,
  );
} finally {
  removeTempDir(dir);
}
