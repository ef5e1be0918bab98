// A generated repository with the mix of a real one (a book written in the open): prose chapters
// revised in thousands of commits (small deltas on large texts, so the inflated size is many
// times the pack's), source files, images and PDFs that do not compress, and merges of short side
// branches. Written with `git fast-import` from a seeded generator, so every run (and every
// machine) builds byte-identical history; kept in the system's temp folder between runs.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitAsync } from '../test/support/git-cli.ts';
import { seededRandom } from './fixture.ts';

/** How large a repository to make. */
export interface RealisticPlan {
  name: string;
  commits: number;
  /** Prose chapters revised over the history. */
  chapters: number;
  /** Bytes of incompressible files (images, PDFs) added over the history. */
  binaryBytes: number;
}

/** Three sizes, up to ~250 MB of pack: like the book the issue measured at 496, 2,504 and 7,292 commits. */
export const REALISTIC_PLANS: readonly RealisticPlan[] = [
  { name: 'book-500', commits: 500, chapters: 12, binaryBytes: 5_000_000 },
  { name: 'book-2500', commits: 2500, chapters: 24, binaryBytes: 14_000_000 },
  { name: 'book-7000', commits: 7000, chapters: 40, binaryBytes: 175_000_000 },
];

/** Bump when the generator changes, so cached repositories are made again. */
const GENERATOR_VERSION = 1;
const AUTHOR = 'Book Author <author@book.invalid>';
const EPOCH = 1_600_000_000;
const WORDS = 'the a of and to in is that it was for on as with his they at be this from have or by one had not but what all were when we there can an your which their said if do will each about how up out them then she many some so these would other into has more her two like him see time could no make than first been its who now people my made over did down only way find use may water long little very after words called just where most know'.split(' ');

/** A generated repository: where it is, its head and its size. */
export interface RealisticRepo {
  dir: string;
  head: string;
  commits: number;
  packBytes: number;
}

/** The repository of `plan`, generated on first use and kept under the temp folder. */
export async function realisticRepo(plan: RealisticPlan, progress: (message: string) => void): Promise<RealisticRepo> {
  const dir = join(tmpdir(), 'taskgit-bench-repos', `${plan.name}-${plan.chapters}-${plan.binaryBytes}-v${GENERATOR_VERSION}.git`);
  if (!existsSync(dir)) {
    progress(`generating ${plan.name} (${plan.commits} commits, ${Math.round(plan.binaryBytes / 1e6)} MB of binaries) with git fast-import`);
    const building = `${dir}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    await gitAsync(['init', '-q', '--bare', '-b', 'main', building]);
    await gitAsync(['config', 'gc.auto', '0'], { cwd: building });
    await fastImport(building, plan);
    await gitAsync(['repack', '-a', '-d', '-q'], { cwd: building });
    renameSync(building, dir);
  }
  const head = (await gitAsync(['rev-parse', 'main'], { cwd: dir })).trim();
  const counted = await gitAsync(['count-objects', '-v'], { cwd: dir });
  const packKb = Number(/size-pack: (\d+)/.exec(counted)?.[1] ?? 0);
  return { dir, head, commits: plan.commits, packBytes: packKb * 1024 };
}

/** Runs `git fast-import` in `dir`, writing the plan's history to its stdin as it is made. */
async function fastImport(dir: string, plan: RealisticPlan): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
  });
  const write = async (data: string | Uint8Array): Promise<void> => {
    if (!child.stdin.write(data)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  for (const part of history(plan)) await write(part);
  child.stdin.end();
  await exited;
}

/** The fast-import stream of the plan's history, piece by piece. */
function* history(plan: RealisticPlan): Generator<string | Uint8Array> {
  const random = seededRandom(plan.commits * 7919 + plan.chapters);
  const pick = (n: number) => random() % n;
  const paragraph = () => Array.from({ length: 40 + pick(80) }, () => WORDS[pick(WORDS.length)]).join(' ') + '.\n\n';
  const chapters = Array.from({ length: plan.chapters }, () => Array.from({ length: 30 + pick(60) }, paragraph));
  const code = Array.from({ length: 20 }, (_, i) => Array.from({ length: 80 + pick(200) }, (_, line) => `  const value${line} = compute(${i}, ${pick(1000)});\n`));
  const binaryEvery = Math.max(1, Math.floor(plan.commits / 200));
  const binarySize = Math.floor(plan.binaryBytes / Math.ceil(plan.commits / binaryEvery));
  const encoder = new TextEncoder();
  const data = (bytes: Uint8Array): Array<string | Uint8Array> => [`data ${bytes.length}\n`, bytes, '\n'];
  const text = (value: string) => data(encoder.encode(value));
  let mark = 0;
  let mainMark = 0;
  let side: { mark: number; files: Array<[string, Uint8Array]> } | undefined;
  for (let n = 0; n < plan.commits; n++) {
    const files: Array<[string, Uint8Array]> = [];
    const chapter = pick(plan.chapters);
    const paragraphs = chapters[chapter] as string[];
    const at = pick(paragraphs.length);
    if (pick(3) === 0) paragraphs.splice(at, 0, paragraph());
    else paragraphs[at] = paragraph();
    files.push([`chapters/chapter-${String(chapter + 1).padStart(2, '0')}.md`, encoder.encode(paragraphs.join(''))]);
    if (n % 5 === 0) {
      const file = pick(code.length);
      const lines = code[file] as string[];
      lines[pick(lines.length)] = `  const changed${n} = compute(${file}, ${pick(1000)});\n`;
      files.push([`src/module-${file}.ts`, encoder.encode(lines.join(''))]);
    }
    if (n % binaryEvery === 0) {
      const words = new Uint32Array(Math.max(256, Math.floor((binarySize / 2 + pick(binarySize)) / 4)));
      for (let i = 0; i < words.length; i++) words[i] = random();
      const bytes = new Uint8Array(words.buffer);
      files.push([n % (binaryEvery * 10) === 0 ? `pdf/edition-${n}.pdf` : `images/figure-${pick(60)}.png`, bytes]);
    }
    const when = `${EPOCH + n * 3600} +0000`;
    const merging = side !== undefined && n % 25 === 0;
    const branch = n % 25 === 20 || (side !== undefined && !merging && n % 25 > 20) ? 'refs/heads/side' : 'refs/heads/main';
    yield `commit ${branch}\nmark :${++mark}\nauthor ${AUTHOR} ${when}\ncommitter ${AUTHOR} ${when}\n`;
    yield* text(`${merging ? 'Merge the side branch' : `Revise chapter ${chapter + 1}`}\n`);
    if (branch === 'refs/heads/side' && side === undefined) yield `from :${mainMark}\n`;
    if (merging && side) yield `merge :${side.mark}\n`;
    const changes = merging && side ? [...side.files, ...files] : files;
    for (const [path, bytes] of changes) yield* [`M 100644 inline ${path}\n`, ...data(bytes)];
    if (branch === 'refs/heads/side') side = { mark, files: [...(side?.files ?? []), ...files] };
    else {
      mainMark = mark;
      if (merging) side = undefined;
    }
  }
  yield 'done\n';
}
