// The unpacker's storage budget: a fetch whose verified objects would need more than the storage
// the browser says is left (navigator.storage.estimate) is refused before a run that would not fit
// is handed over to be stored.
import { describe, expect, it, vi } from 'vitest';
import { concatBytes, hashObject, type ObjectRun, type Oid } from '../../store/index.ts';
import { uploadPackResult } from '../../../test/reliability/hostile-remote.ts';
import { noise } from '../../../test/support/noise.ts';
import { StorageFullError } from '../errors.ts';
import { encodePack } from '../protocol/index.ts';
import { Unpacker, type UnpackSink } from './unpacker.ts';

function sinkInto(runs: ObjectRun[]): UnpackSink {
  return { run: async (run) => void runs.push(run), progress: () => undefined, serverMessage: () => undefined, resolveBases: async () => [] };
}

/** The answer to a fetch of 8 blobs of 512 KB, in chunks of 64 KB as a network hands them over. */
function answerChunks(): { chunks: Uint8Array[]; want: Oid; wantedRaw: Uint8Array } {
  const blobs = Array.from({ length: 8 }, (_, i) => noise(512 * 1024, i + 1));
  const answer = uploadPackResult(encodePack(blobs.map((content) => ({ type: 'blob' as const, content }))));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < answer.length; at += 64 * 1024) chunks.push(answer.slice(at, at + 64 * 1024));
  const wanted = hashObject('blob', blobs[0] as Uint8Array);
  return { chunks, want: wanted.oid, wantedRaw: wanted.raw };
}

describe('an unpack with a storage budget', () => {
  it('refuses, in words, before handing over a run that would not fit: nothing is stored', async () => {
    const { chunks, want } = answerChunks();
    const runs: ObjectRun[] = [];
    const unpacker = await Unpacker.create({ want, maxStoredBytes: 3_000_000 }, sinkInto(runs));
    const refused = await (async () => {
      for (const chunk of chunks) await unpacker.push(chunk);
      await unpacker.end();
    })().then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(StorageFullError);
    expect((refused as StorageFullError).message).toMatch(/needs more than [\d,]+ MB on this device, but the browser lets this site store only 3 MB more\. Nothing was written/);
    expect(runs).toEqual([]);
  });

  it('hands over every object when they fit, and sums up with the wanted one as the pack gave it', async () => {
    const { chunks, want, wantedRaw } = answerChunks();
    const runs: ObjectRun[] = [];
    const unpacker = await Unpacker.create({ want, maxStoredBytes: 5_000_000, runBytes: 1024 * 1024 }, sinkInto(runs));
    for (const chunk of chunks) await unpacker.push(chunk);
    const summary = await unpacker.end();
    expect(summary).toMatchObject({ objects: 8, hasWanted: true });
    expect(summary.wanted).toEqual(wantedRaw);
    expect(runs.reduce((count, run) => count + run.index.oids.length / 40, 0)).toBe(8);
  });

  it('hands over a run once its objects are hashed, though no more bytes come for a while', async () => {
    const { chunks, want } = answerChunks();
    const runs: ObjectRun[] = [];
    const unpacker = await Unpacker.create({ want, runBytes: 1024 * 1024 }, sinkInto(runs));
    // Most of the answer in one piece, as a network may hand it over before it stalls.
    const [first, ...rest] = [concatBytes(chunks.slice(0, 60)), ...chunks.slice(60)];
    await unpacker.push(first as Uint8Array);
    await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0));
    for (const chunk of rest) await unpacker.push(chunk);
    await unpacker.end();
    expect(runs.reduce((count, run) => count + run.index.oids.length / 40, 0)).toBe(8);
  });

  it('hands over no run once a push failed, though objects read before are still being hashed', async () => {
    const { chunks, want } = answerChunks();
    const runs: ObjectRun[] = [];
    const unpacker = await Unpacker.create({ want, runBytes: 1024 * 1024 }, sinkInto(runs));
    // The "NAK" line, then 50 whole side-band packets (6 of the 8 objects): the next bytes must be a pkt-line's length.
    await unpacker.push(concatBytes(chunks).subarray(0, 8 + 50 * 65520));
    await expect(unpacker.push(new TextEncoder().encode('zzzz'))).rejects.toThrow(); // not a pkt-line
    await new Promise((resolve) => setTimeout(resolve, 500)); // what was read before is hashed by now
    expect(runs).toEqual([]);
  });
});
