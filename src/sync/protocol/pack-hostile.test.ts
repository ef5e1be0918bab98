import fc from 'fast-check';
import { sha1 } from '@noble/hashes/legacy.js';
import { describe, expect, it } from 'vitest';
import { hashObject } from '../../store/index.ts';
import { ProtocolError } from './errors.ts';
import { OFS_DELTA, REF_DELTA } from './pack-format.ts';
import { parsePack } from './pack-reader.ts';
import { buildTestPack, copyOp, deltaHeader, insertOp, resealPack, type TestEntry } from '../../../test/support/pack-builder.ts';
import { encodePack } from './pack-writer.ts';

const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);
const noBase = async (): Promise<undefined> => undefined;
const base = bytesOf('the base object, long enough to copy from\n');
const baseId = hashObject('blob', base).oid;

/** Resolves with the ProtocolError `promise` rejects with; fails on success or any other error. */
async function protocolErrorOf(promise: Promise<unknown>): Promise<ProtocolError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw new Error(`expected a ProtocolError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ProtocolError, but the pack was accepted');
}

/** A valid pack with a delta chain, for truncating and corrupting. */
function validPack(): Uint8Array {
  const second = new Uint8Array([...deltaHeader(base.length, 15), ...copyOp(4, 4), ...insertOp([...bytesOf('second base')])]);
  const third = new Uint8Array([...deltaHeader(15, 8), ...copyOp(0, 8)]);
  return buildTestPack([
    { typeCode: 3, data: base },
    { typeCode: OFS_DELTA, baseIndex: 0, data: second },
    { typeCode: OFS_DELTA, baseIndex: 1, data: third },
    { typeCode: REF_DELTA, baseOid: baseId, data: second },
    { typeCode: 1, data: bytesOf('tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nmsg\n') },
  ]);
}

describe('parsePack on hostile input', () => {
  it('accepts the valid pack the mutations start from', async () => {
    const objects = await parsePack(validPack(), noBase);
    expect(objects.map((o) => new TextDecoder().decode(o.content))).toEqual([
      'the base object, long enough to copy from\n',
      'basesecond base',
      'baseseco',
      'basesecond base',
      'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nmsg\n',
    ]);
  });

  it('refuses random bytes, with or without a PACK header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 400 }), async (withHeader, body) => {
        const prefix = withHeader ? [0x50, 0x41, 0x43, 0x4b, 0, 0, 0, 2, 0, 0, 0, body[0] ?? 0] : [];
        await protocolErrorOf(parsePack(new Uint8Array([...prefix, ...body]), noBase));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses random entries behind a valid header and checksum', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.uint8Array({ minLength: 1, maxLength: 300 }), async (count, body) => {
        const header = [0x50, 0x41, 0x43, 0x4b, 0, 0, 0, 2, 0, 0, 0, count];
        const content = new Uint8Array([...header, ...body]);
        const pack = new Uint8Array([...content, ...sha1(content)]);
        await protocolErrorOf(parsePack(pack, noBase));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the pack cut short at every length', async () => {
    const pack = validPack();
    for (let length = 0; length < pack.length; length++) await protocolErrorOf(parsePack(pack.subarray(0, length), noBase));
  });

  it('refuses the pack with any one byte flipped', async () => {
    const pack = validPack();
    for (let i = 0; i < pack.length; i++) {
      const copy = pack.slice();
      copy[i] = (copy[i] as number) ^ 0x20;
      await protocolErrorOf(parsePack(copy, noBase));
    }
  });

  it("refuses an object whose zlib header is not deflate's, fails its check, or asks for a preset dictionary", async () => {
    const pack = encodePack([{ type: 'blob', content: base }]);
    const at = pack.indexOf(0x78, 12); // the blob's zlib header: deflate, 32 KB window
    const withHeader = (method: number, flags: number): Uint8Array => {
      const copy = pack.slice();
      copy[at] = method;
      copy[at + 1] = flags + ((31 - ((method * 256 + flags) % 31)) % 31); // a valid check, unless asked otherwise
      return resealPack(copy);
    };
    expect(await parsePack(withHeader(0x78, 0x9c), noBase)).toHaveLength(1); // the header as it was
    const wrongCheck = pack.slice();
    wrongCheck[at + 1] = (wrongCheck[at + 1] as number) ^ 1;
    expect((await protocolErrorOf(parsePack(resealPack(wrongCheck), noBase))).message).toMatch(/incorrect header check/);
    expect((await protocolErrorOf(parsePack(withHeader(0x79, 0x80), noBase))).message).toMatch(/incorrect header check/);
    expect((await protocolErrorOf(parsePack(withHeader(0x78, 0xa0), noBase))).message).toMatch(/preset dictionary/);
  });

  it('names a checksum mismatch', async () => {
    const pack = encodePack([{ type: 'blob', content: base }]);
    pack[pack.length - 1] = (pack[pack.length - 1] as number) ^ 1;
    expect((await protocolErrorOf(parsePack(pack, noBase))).message).toMatch(/checksum does not match/);
  });

  it('names a wrong signature and version', async () => {
    const pack = encodePack([]);
    expect((await protocolErrorOf(parsePack(bytesOf(`KCAP${'\0'.repeat(28)}`), noBase))).message).toMatch(/does not start with "PACK"/);
    pack[7] = 4;
    expect((await protocolErrorOf(parsePack(pack, noBase))).message).toMatch(/pack version 4/);
  });

  it('refuses an absurd object count before reading anything', async () => {
    const pack = encodePack([{ type: 'blob', content: base }]);
    new DataView(pack.buffer).setUint32(8, 0xffffffff);
    expect((await protocolErrorOf(parsePack(pack, noBase))).message).toMatch(/declares 4294967295 objects/);
  });

  it('refuses fewer objects than declared, and data after the last one', async () => {
    const entry = { typeCode: 3 as const, data: base };
    expect((await protocolErrorOf(parsePack(buildTestPack([entry], 2), noBase))).message).toMatch(/ends where|cut short/);
    expect((await protocolErrorOf(parsePack(buildTestPack([entry, entry], 1), noBase))).message).toMatch(/bytes after its 1 objects/);
  });

  it('refuses huge declared sizes without allocating them', async () => {
    const huge = buildTestPack([{ typeCode: 3, data: base, size: 2 ** 40 }]);
    expect((await protocolErrorOf(parsePack(huge, noBase))).message).toMatch(/over the 104857600-byte limit/);
    const big = buildTestPack([{ typeCode: 3, data: base, size: 50_000_000 }]);
    expect((await protocolErrorOf(parsePack(big, noBase))).message).toMatch(/declares 50000000 bytes but only \d+ compressed bytes remain/);
    const endless = buildTestPack([{ typeCode: 3, data: base }]);
    endless.set([0xb0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80], 12);
    const error = await protocolErrorOf(parsePack(resealPack(endless), noBase, { maxObjectBytes: Number.MAX_SAFE_INTEGER }));
    expect(error.message).toMatch(/size that does not fit in 7 bytes/);
  });

  it('refuses an object over maxObjectBytes', async () => {
    const pack = encodePack([{ type: 'blob', content: new Uint8Array(2000) }]);
    expect((await protocolErrorOf(parsePack(pack, noBase, { maxObjectBytes: 1000 }))).message).toMatch(/over the 1000-byte limit/);
  });

  it('refuses an inflated size that differs from the header', async () => {
    const shorter = buildTestPack([{ typeCode: 3, data: base, size: base.length + 1 }]);
    expect((await protocolErrorOf(parsePack(shorter, noBase))).message).toMatch(/inflates to \d+ bytes but its header says/);
    const longer = buildTestPack([{ typeCode: 3, data: base, size: base.length - 1 }]);
    expect((await protocolErrorOf(parsePack(longer, noBase))).message).toMatch(/inflates to more than/);
  });

  it('refuses object types 0 and 5', async () => {
    for (const typeCode of [0, 5]) {
      const pack = buildTestPack([{ typeCode: 3, data: base }]);
      pack[12] = ((pack[12] as number) & 0x8f) | (typeCode << 4);
      expect((await protocolErrorOf(parsePack(resealPack(pack), noBase))).message).toMatch(`object type ${typeCode}, which does not exist`);
    }
  });

  it('refuses a delta copying out of range', async () => {
    const delta = new Uint8Array([...deltaHeader(base.length, 10), ...copyOp(base.length - 5, 10)]);
    const pack = buildTestPack([{ typeCode: 3, data: base }, { typeCode: OFS_DELTA, baseIndex: 0, data: delta }]);
    const error = await protocolErrorOf(parsePack(pack, noBase));
    expect(error.data.part).toBe('delta');
    expect(error.message).toMatch(/reads past the/);
  });

  it('refuses a REF_DELTA to an unknown base, after asking resolveBase', async () => {
    const unknown = 'f'.repeat(40);
    const pack = buildTestPack([{ typeCode: REF_DELTA, baseOid: unknown, data: new Uint8Array([...deltaHeader(1, 1), ...copyOp(0, 1)]) }]);
    const asked: string[] = [];
    const error = await protocolErrorOf(
      parsePack(pack, async (oid) => {
        asked.push(oid);
        return undefined;
      }),
    );
    expect(asked).toEqual([unknown]);
    expect(error.message).toMatch(/ffffffff.* neither in the pack nor here/);
  });

  it('refuses an OFS_DELTA pointing before the pack or into the middle of an entry', async () => {
    const delta = new Uint8Array([...deltaHeader(base.length, 1), ...copyOp(0, 1)]);
    const pack = buildTestPack([{ typeCode: 3, data: base }, { typeCode: OFS_DELTA, baseIndex: 0, data: delta }]);
    const entry = buildTestPack([{ typeCode: 3, data: base }]).length - 20;
    expect(pack[entry + 1]).toBe(entry - 12);
    const before = pack.slice();
    before[entry + 1] = 0x7f;
    expect((await protocolErrorOf(parsePack(resealPack(before), noBase))).message).toMatch(/base offset \(-127\) is outside the pack/);
    const inside = pack.slice();
    inside[entry + 1] = entry - 13;
    expect((await protocolErrorOf(parsePack(resealPack(inside), noBase))).message).toMatch(/base offset 13 is not the start of an earlier object/);
  });

  it('resolves a 3,000-deep delta chain without overflowing the stack', async () => {
    const entries: TestEntry[] = [{ typeCode: 3, data: bytesOf('x') }];
    for (let i = 1; i <= 3000; i++) {
      entries.push({ typeCode: OFS_DELTA, baseIndex: i - 1, data: new Uint8Array([...deltaHeader(i, i + 1), ...copyOp(0, i), ...insertOp([0x78])]) });
    }
    const objects = await parsePack(buildTestPack(entries), noBase);
    expect(objects.at(-1)?.content.length).toBe(3001);
  });

  it('refuses a pack whose deltas expand past maxTotalBytes', async () => {
    const big = new Uint8Array(60_000);
    const expand = new Uint8Array([...deltaHeader(big.length, big.length * 2), ...copyOp(0, big.length), ...copyOp(0, big.length)]);
    const entries: TestEntry[] = [{ typeCode: 3, data: big }];
    for (let i = 0; i < 20; i++) entries.push({ typeCode: OFS_DELTA, baseIndex: 0, data: expand });
    const error = await protocolErrorOf(parsePack(buildTestPack(entries), noBase, { maxTotalBytes: 1_000_000 }));
    expect(error.message).toMatch(/add up to more than/);
  });
});
