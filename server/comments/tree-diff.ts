// Differences between pairs of trees, all from one `git diff-tree --stdin` run: the hook diffs
// every new commit against each parent, and the push's old tip against its new one.
import type { FileChange } from './judge-changes.ts';
import { runGit } from './run-git.ts';
const ZERO_OID = /^0+$/;

/** The changes from `before` to `after` for each pair of tree ids, in order. */
export async function diffTrees(pairs: ReadonlyArray<readonly [before: string, after: string]>, cwd: string, env: NodeJS.ProcessEnv): Promise<FileChange[][]> {
  if (pairs.length === 0) return [];
  const input = pairs.map(([before, after]) => `${before} ${after}\n`).join('');
  const outcome = await runGit(['diff-tree', '--stdin', '--always', '-r', '-z', '--raw', '--no-renames'], cwd, env, input);
  if (outcome.status !== 0) throw new Error(`git diff-tree failed: ${outcome.stderr.trim()}`);
  const blocks = parseDiffTreeOutput(outcome.stdout);
  if (blocks.length !== pairs.length) throw new Error(`git diff-tree answered ${blocks.length} diffs for ${pairs.length} pairs`);
  return blocks;
}

/**
 * Parses `git diff-tree --stdin --always -r -z --raw` output of tree pairs: a `<tree> <tree>\n`
 * line before each diff, then `:<mode> <mode> <oid> <oid> <status>\0<path>\0` per file.
 */
export function parseDiffTreeOutput(output: Uint8Array): FileChange[][] {
  const text = Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  const blocks: FileChange[][] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] !== 0x3a /* ':' */) {
      const end = text.indexOf(0x0a, at);
      if (end < 0) throw new Error('git diff-tree output ends inside a header');
      blocks.push([]);
      at = end + 1;
      continue;
    }
    const metaEnd = text.indexOf(0, at);
    const pathEnd = metaEnd < 0 ? -1 : text.indexOf(0, metaEnd + 1);
    const current = blocks.at(-1);
    if (pathEnd < 0 || current === undefined) throw new Error('git diff-tree output is cut short');
    const [beforeMode = '', afterMode = '', beforeOid = '', afterOid = ''] = text.toString('latin1', at + 1, metaEnd).split(' ');
    const change: FileChange = { path: text.toString('utf8', metaEnd + 1, pathEnd) };
    if (!ZERO_OID.test(beforeOid)) change.before = { oid: beforeOid, mode: beforeMode };
    if (!ZERO_OID.test(afterOid)) change.after = { oid: afterOid, mode: afterMode };
    current.push(change);
    at = pathEnd + 1;
  }
  return blocks;
}
