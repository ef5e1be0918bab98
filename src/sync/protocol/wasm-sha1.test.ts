// The WebAssembly SHA-1 against Node's: whole inputs of every length around its block and input
// area sizes, running hashes fed in pieces cut anywhere while whole objects are hashed between
// the pieces (one instance serves both), and the committed binary is what its source compiles to.
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { binaryModuleText, compileWasm, SHA1_WASM } from '../../../scripts/build-wasm.ts';
import { wasmSha1, type WasmSha1 } from './wasm-sha1.ts';

const nodeSha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

async function instance(): Promise<WasmSha1> {
  const sha1 = await wasmSha1();
  if (!sha1) throw new Error('WebAssembly did not compile');
  return sha1;
}

describe('WasmSha1', () => {
  it('hashes whole inputs of every length around a block, and past its input area, as Node does', async () => {
    const sha1 = await instance();
    const lengths = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 65_535, 65_536, 65_537, 200_000];
    for (const length of lengths) {
      const bytes = randomBytes(length);
      expect(hex(sha1.digest(bytes)), `${length} bytes`).toBe(nodeSha1(bytes));
    }
  });

  it('keeps a running hash across pieces cut anywhere, with whole objects hashed between them', async () => {
    const sha1 = await instance();
    await fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 8 }), fc.uint8Array({ maxLength: 300 }), (bytes, cuts, between) => {
        const running = sha1.running();
        const other = sha1.running();
        const bounds = [...new Set([0, ...cuts.map((cut) => cut % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
        for (let i = 0; i + 1 < bounds.length; i++) {
          const piece = bytes.subarray(bounds[i], bounds[i + 1]);
          running.update(piece);
          other.update(between);
          expect(hex(sha1.digest(between))).toBe(nodeSha1(between));
        }
        expect(hex(running.digest())).toBe(nodeSha1(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('is the binary its AssemblyScript source compiles to (run `npm run build:wasm` after editing it)', async () => {
    const committed = await readFile(SHA1_WASM.binaryModule, 'utf8');
    expect(committed).toBe(binaryModuleText(SHA1_WASM, await compileWasm(SHA1_WASM)));
  }, 120_000); // the compiler takes ~3 s, 10 s on a loaded machine
});
