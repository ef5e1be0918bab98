// A fetch's chunks are written again once stored (runsCopied): what was stored, and every delta
// built on a base kept in a chunk, must be untouched by it. A real git pack of a text revised
// many times, each revision a delta on the first (so that base, in the first chunk, is read to
// the end while later chunks are stored and written again), with a delta base cache far smaller
// than the pack's objects.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashObject, looseForm, type ObjectRun, type Oid } from '../../store/index.ts';
import { uploadPackResult } from '../../../test/reliability/hostile-remote.ts';
import { noise } from '../../../test/support/noise.ts';
import { git, gitText, makeTempDir, removeTempDir } from '../../../test/support/git-cli.ts';
import { Unpacker } from './unpacker.ts';
import { WarmChunks } from './warm-chunks.ts';

const dir = makeTempDir('unpack-reuse');
afterAll(() => removeTempDir(dir));

/**
 * 60 revisions of a ~75 KB text, each changing a few of its lines, each followed by an 80 KB
 * binary (so the pack's bytes, and its side-band packets, spread across them): blobs in a git
 * pack whose deltas are at most one deep (on a whole object).
 */
function revisedTextPack(): { pack: Uint8Array; oids: string[] } {
  git(['init', '-q', '--bare', join(dir, 'repo.git')]);
  const lines = Array.from({ length: 2000 }, (_, i) => `line ${i}: ${((i * 2654435761) >>> 0).toString(36).repeat(4)}`);
  const files: string[] = [];
  for (let revision = 0; revision < 60; revision++) {
    for (let k = 0; k < 5; k++) lines[(revision * 997 + k * 131) % lines.length] = `revision ${revision}, change ${k}`;
    for (const [i, content] of [lines.join('\n'), noise(80 * 1024, revision + 1)].entries()) {
      files.push(join(dir, `${revision}-${i}`));
      writeFileSync(files.at(-1) as string, content);
    }
  }
  const oids = gitText(['hash-object', '-w', '--stdin-paths'], { cwd: join(dir, 'repo.git'), input: `${files.join('\n')}\n` }).trim().split('\n');
  return { pack: new Uint8Array(git(['pack-objects', '--stdout', '-q', '--delta-base-offset', '--depth=1', '--window=32'], { cwd: join(dir, 'repo.git'), input: `${oids.join('\n')}\n` })), oids };
}

/** The pack, built once for both cases. */
let built: { pack: Uint8Array; oids: string[] } | undefined;

describe('an unpack whose stored chunks are written again', () => {
  it.each([
    ['cloned where they are', false, false],
    ['transferred to be stored and given back, as the run store worker does', true, false],
    ['transferred and given back, laid out in chunks written ahead (a first sync)', true, true],
  ])('stores every object as it is, deltas built on kept bases included: runs %s', async (_, transferred, warm) => {
    const { pack, oids } = (built ??= revisedTextPack());
    const stored: ObjectRun[] = [];
    const seen = new Set<ArrayBufferLike>();
    let written = 0;
    const ahead = warm ? new WarmChunks(1024 * 1024, 8) : undefined;
    while (ahead?.writeOne()); // as a first fetch's worker does while it waits for the answer
    const unpacker = await Unpacker.create(
      { want: oids[0] as Oid, runBytes: 1024 * 1024, deltaBaseCacheBytes: 4 * 1024 * 1024 },
      {
        // As IndexedDB does: the run is cloned when stored, then its chunks are the unpacker's again.
        run: async (run) => {
          for (const chunk of run.chunks) if (seen.has(chunk.buffer)) written++;
          stored.push({ chunks: run.chunks.map((chunk) => chunk.slice()), index: run.index });
          if (transferred) {
            // Away while another thread stores them (the unpacker reads on), then back in their place.
            const away = run.chunks.map(({ byteOffset, length, buffer }) => ({ byteOffset, length, buffer: buffer as ArrayBuffer }));
            const back = away.map(({ buffer }) => structuredClone(buffer, { transfer: [buffer] }));
            await new Promise((resolve) => setTimeout(resolve, 1));
            away.forEach(({ byteOffset, length }, i) => (run.chunks[i] = new Uint8Array(back[i] as ArrayBuffer, byteOffset, length)));
          }
          for (const chunk of run.chunks) seen.add(chunk.buffer);
        },
        progress: () => undefined,
        serverMessage: () => undefined,
        resolveBases: async () => [],
        runsCopied: true,
      },
      ahead,
    );
    const answer = uploadPackResult(pack);
    // In small pieces: runs are stored, and their chunks free, while the pack is still read.
    for (let at = 0; at < answer.length; at += 16 * 1024) await unpacker.push(answer.slice(at, at + 16 * 1024));
    expect(await unpacker.end()).toMatchObject({ objects: 120, hasWanted: true });
    expect(written).toBeGreaterThan(0); // chunks were written again: what this test is for
    const found = new Map<string, Uint8Array>();
    for (const { chunks, index } of stored) {
      for (let i = 0; i < index.oids.length / 40; i++) {
        const [chunk = 0, offset = 0, length = 0] = index.locations.subarray(3 * i, 3 * i + 3);
        found.set(index.oids.slice(40 * i, 40 * i + 40), (chunks[chunk] as Uint8Array).subarray(offset, offset + length));
      }
    }
    expect([...found.keys()].sort()).toEqual([...oids].sort());
    let deflated = 0;
    for (const [oid, record] of found) {
      const raw = await looseForm(record);
      if (raw !== record) deflated++;
      expect(hashObject('blob', raw.subarray(raw.indexOf(0) + 1)).oid).toBe(oid);
    }
    // The first revision of the text is whole in the pack, and kept as its zlib stream; the binaries are not (no shorter).
    expect(deflated).toBeGreaterThan(0);
    expect(deflated).toBeLessThan(60);
  });
});
