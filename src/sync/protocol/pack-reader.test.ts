import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitObject, Oid } from '../../store/index.ts';
import { git, gitText, makeTempDir, readAllObjects, removeTempDir } from '../../../test/support/git-cli.ts';
import { createIncrementalSha1 } from './object-hasher.ts';
import { OFS_DELTA, REF_DELTA } from './pack-format.ts';
import { parsePack } from './pack-reader.ts';
import { PackStreamReader, type PackEntry } from './pack-stream.ts';

/** A pack's entries by offset, read with the parser's own reader. */
async function readEntryHeaders(pack: Uint8Array): Promise<Map<number, PackEntry>> {
  const headers = new Map<number, PackEntry>();
  const reader = new PackStreamReader((entry) => headers.set(entry.offset, entry), { maxObjectBytes: 1e9, checksum: await createIncrementalSha1() });
  reader.push(pack);
  reader.end();
  return headers;
}

async function entryTypeCodes(pack: Uint8Array): Promise<number[]> {
  return [...(await readEntryHeaders(pack)).values()].map((header) => header.typeCode);
}

/** The longest OFS_DELTA chain (deltas on deltas) in a pack. */
async function maxChainDepth(pack: Uint8Array): Promise<number> {
  const headers = await readEntryHeaders(pack);
  let max = 0;
  for (const start of headers.values()) {
    let depth = 0;
    for (let header = start; header.baseOffset !== undefined; header = headers.get(header.baseOffset) as PackEntry) depth++;
    max = Math.max(max, depth);
  }
  return max;
}

const noBase = async (): Promise<undefined> => undefined;

describe('parsePack on packs from git pack-objects', () => {
  let root: string;
  let work: string;
  let objects: Map<string, GitObject>;
  let allIds: string;

  beforeAll(() => {
    root = makeTempDir('pack');
    work = join(root, 'work');
    git(['init', '-q', '-b', 'main', work], { cwd: root });
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}: ${'lorem ipsum dolor sit amet '.repeat(3)}`);
    for (let i = 0; i < 40; i++) {
      lines[(i * 37) % lines.length] = `changed in commit ${i}`;
      lines.push(`appended in commit ${i}`);
      writeFileSync(join(work, 'notes.txt'), `${lines.join('\n')}\n`);
      writeFileSync(join(work, `item-${i % 5}.json`), JSON.stringify({ id: i % 5, title: `item ${i}`, done: i % 2 === 0 }, null, 2));
      git(['add', '.'], { cwd: work });
      git(['commit', '-q', '-m', `commit ${i}`], { cwd: work });
    }
    git(['tag', '-a', '-m', 'a release', 'v1'], { cwd: work });
    git(['repack', '-adf', '--depth=50', '--window=50'], { cwd: work });
    objects = readAllObjects(work);
    allIds = `${[...objects.keys()].join('\n')}\n`;
  });

  afterAll(() => removeTempDir(root));

  function expectAllMatch(parsed: Array<{ oid: Oid; type: string; content: Uint8Array }>): void {
    for (const object of parsed) {
      const expected = objects.get(object.oid);
      expect(expected, object.oid).toBeDefined();
      expect(object.type).toBe(expected?.type);
      expect(Buffer.compare(object.content, expected?.content ?? new Uint8Array()), object.oid).toBe(0);
    }
  }

  it('reads OFS_DELTA packs (--delta-base-offset), chains included', async () => {
    const pack = git(['pack-objects', '--stdout', '--delta-base-offset'], { cwd: work, input: allIds });
    const codes = await entryTypeCodes(pack);
    expect(codes.filter((code) => code === OFS_DELTA).length).toBeGreaterThan(20);
    expect(codes).not.toContain(REF_DELTA);
    const parsed = await parsePack(pack, noBase);
    expect(parsed).toHaveLength(objects.size);
    expect(new Set(parsed.map((o) => o.oid))).toEqual(new Set(objects.keys()));
    expectAllMatch(parsed);
    expect(await maxChainDepth(pack)).toBeGreaterThan(5);
  });

  it('reads REF_DELTA packs (no --delta-base-offset)', async () => {
    const pack = git(['pack-objects', '--stdout'], { cwd: work, input: allIds });
    const codes = await entryTypeCodes(pack);
    expect(codes.filter((code) => code === REF_DELTA).length).toBeGreaterThan(20);
    expect(codes).not.toContain(OFS_DELTA);
    const parsed = await parsePack(pack, noBase);
    expect(parsed).toHaveLength(objects.size);
    expectAllMatch(parsed);
  });

  it('reads a thin pack, fetching the bases it lacks through resolveBase', async () => {
    const pack = git(['pack-objects', '--revs', '--thin', '--stdout', '--delta-base-offset'], { cwd: work, input: 'main\n^main~3\n' });
    expect(await entryTypeCodes(pack)).toContain(REF_DELTA);
    const asked: string[] = [];
    const parsed = await parsePack(pack, async (oid) => {
      asked.push(oid);
      return objects.get(oid);
    });
    expect(asked.length).toBeGreaterThan(0);
    for (const oid of asked) expect(parsed.map((o) => o.oid)).not.toContain(oid);
    const inRange = gitText(['rev-list', '--objects', 'main', '^main~3'], { cwd: work }).trim().split('\n').map((line) => line.slice(0, 40));
    expect(new Set(parsed.map((o) => o.oid))).toEqual(new Set(inRange));
    expectAllMatch(parsed);
    await expect(parsePack(pack, noBase)).rejects.toThrow(/neither in the pack nor here/);
  });
});
