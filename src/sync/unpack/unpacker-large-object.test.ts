// An object over 16 MB is inflated by pako, which no fetch loads until such an object comes: the
// reader stops at its entry, waits for pako, and reads on. Its own file: pako is not loaded here
// before (other files' tests load it).
import { describe, expect, it } from 'vitest';
import { hashObject, type ObjectRun } from '../../store/index.ts';
import { uploadPackResult } from '../../../test/reliability/hostile-remote.ts';
import { noise } from '../../../test/support/noise.ts';
import { encodePack, parsePack } from '../protocol/index.ts';
import { Unpacker } from './unpacker.ts';

describe('an object over 16 MB', () => {
  const large = noise(17 * 1024 * 1024, 7);
  const small = noise(1000, 8);
  const pack = encodePack([large, small].map((content) => ({ type: 'blob' as const, content })));

  it('is read from a fetch in pieces once pako is loaded, and the objects after it too', async () => {
    const answer = uploadPackResult(pack);
    const runs: ObjectRun[] = [];
    const want = hashObject('blob', small).oid;
    const unpacker = await Unpacker.create({ want }, { run: async (run) => void runs.push(run), progress: () => undefined, serverMessage: () => undefined, resolveBases: async () => [] });
    for (let at = 0; at < answer.length; at += 64 * 1024) await unpacker.push(answer.slice(at, at + 64 * 1024));
    const summary = await unpacker.end();
    expect(summary).toMatchObject({ objects: 2, hasWanted: true });
    const oids = runs.map((run) => run.index.oids).join('');
    expect(oids).toContain(hashObject('blob', large).oid);
    expect(oids).toContain(want);
  });

  it('is read from a whole pack (a bundle\'s) the same way', async () => {
    const objects = await parsePack(pack, async () => undefined);
    expect(objects.map(({ oid }) => oid)).toEqual([hashObject('blob', large).oid, hashObject('blob', small).oid]);
    expect(Buffer.from(objects[0]?.content ?? []).equals(Buffer.from(large))).toBe(true);
  });
});
