// StreamInflater through both of its engines: the WebAssembly decoder for objects up to 16 MB,
// pako above, loaded only once a stream needs it. Either way a stream fills exactly its room, says
// where it ends (trailer included), and a size that differs from the header's is refused in the
// same words.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.ts';
import { WasmInflater } from './wasm-inflater.ts';
import { loadPako, StreamInflater, WANTS_MORE } from './zlib-stream.ts';

/** Inflates `stream` (followed by other bytes) into `size` bytes, fed in pieces of `piece` bytes. */
function inflate(stream: Uint8Array, size: number, piece: number): { output: Uint8Array; consumed: number } {
  const inflater = new StreamInflater();
  const output = new Uint8Array(size + 3);
  inflater.begin(output, 3, 0);
  const input = new Uint8Array([...stream, 0xaa, 0xbb]);
  try {
    for (let from = 0; from < input.length; from += piece) {
      const consumed = inflater.feed(input.subarray(0, Math.min(from + piece, input.length)), from);
      if (consumed !== WANTS_MORE) return { output: output.subarray(3), consumed: from + consumed };
    }
    throw new Error('the stream did not end');
  } finally {
    inflater.close();
  }
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('StreamInflater', () => {
  // First in this file: pako is not loaded before it.
  it('has a stream over 16 MB wait for pako, which it does not load until then; one of 16 MB does not', async () => {
    const inflater = new StreamInflater();
    expect(inflater.prepare(16 * 1024 * 1024)).toBe(false);
    expect(inflater.prepare(16 * 1024 * 1024 + 1)).toBe(true);
    expect(() => inflater.begin(new Uint8Array(16 * 1024 * 1024 + 1), 0, 0)).toThrow(/needs pako, which is not loaded yet/);
    await loadPako();
    expect(inflater.prepare(16 * 1024 * 1024 + 1)).toBe(false);
    inflater.close();
  });

  const sizes = { 'inflated in WebAssembly': 300_000, 'over 16 MB, inflated by pako': 17 * 1024 * 1024 };
  for (const [engine, size] of Object.entries(sizes)) {
    it(`fills exactly its room and finds the stream's end, or refuses another size (${engine})`, async () => {
      await loadPako();
      const data = new Uint8Array(size);
      for (let i = 0; i < size; i++) data[i] = (i * 31 + (i >> 9)) % 251;
      const stream = deflateSync(data);
      const { output, consumed } = inflate(stream, size, 65_536);
      expect(consumed).toBe(stream.length);
      expect(Buffer.from(output).equals(Buffer.from(data))).toBe(true);
      expect(refusal(() => inflate(stream, size + 1, 65_536))).toMatch(`inflates to ${size} bytes but its header says ${size + 1}`);
      expect(refusal(() => inflate(stream, size - 1, 65_536))).toMatch('inflates to more than the size its header says');
    });
  }

  it('refuses corrupt deflate data as a ProtocolError in zlib\'s words', () => {
    const stream = deflateSync(new TextEncoder().encode('a task, a project, a context'));
    stream[2] = 0x07; // a block of type 3, which does not exist
    expect(refusal(() => inflate(stream, 28, 5))).toMatch("an object's compressed data is corrupt (zlib: invalid block type)");
  });

  it('gives its WebAssembly decoder back when closed, once, for the next inflater, which inflates right even after a corrupt stream', () => {
    const corrupt = deflateSync(new TextEncoder().encode('a task, a project, a context'));
    corrupt[2] = 0x07;
    refusal(() => inflate(corrupt, 28, 5));
    const closed = new StreamInflater();
    closed.close();
    closed.close();
    const given = WasmInflater.create();
    expect(given).toBeDefined();
    expect(WasmInflater.create()).not.toBe(given);
    given?.release();
    const data = new TextEncoder().encode('the next stream, inflated by a decoder given back');
    expect(new TextDecoder().decode(inflate(deflateSync(data), data.length, 7).output)).toBe('the next stream, inflated by a decoder given back');
  });
});
