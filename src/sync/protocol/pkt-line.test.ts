import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.ts';
import { PktLineReader } from './pkt-line-reader.ts';
import { concatBytes } from '../../store/index.ts';
import { DELIM_PKT, FLUSH_PKT, MAX_PKT_PAYLOAD, encodePktLine, readPktLines, type PktLine } from './pkt-line.ts';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('encodePktLine', () => {
  it('prefixes the whole length as four lowercase hex digits', () => {
    expect(text(encodePktLine('a\n'))).toBe('0006a\n');
    expect(text(encodePktLine(''))).toBe('0004');
    expect(text(encodePktLine('want 0123456789012345678901234567890123456789\n'))).toMatch(/^0032want /);
    expect(text(encodePktLine(new Uint8Array(250).fill(0x61))).slice(0, 4)).toBe('00fe');
  });

  it('has the flush and delim markers', () => {
    expect(text(FLUSH_PKT)).toBe('0000');
    expect(text(DELIM_PKT)).toBe('0001');
  });

  it('refuses a payload over 65516 bytes', () => {
    expect(encodePktLine(new Uint8Array(MAX_PKT_PAYLOAD)).length).toBe(65520);
    expect(() => encodePktLine(new Uint8Array(MAX_PKT_PAYLOAD + 1))).toThrow(RangeError);
  });
});

describe('readPktLines', () => {
  it('splits payloads, flushes and delims', () => {
    const packets = readPktLines(bytesOf('0006a\n000000010009hello0004'));
    expect(packets.map((p) => (typeof p === 'string' ? p : text(p)))).toEqual(['a\n', 'flush', 'delim', 'hello', '']);
  });

  it('accepts upper-case hex', () => {
    expect(readPktLines(bytesOf(`000A${'x'.repeat(6)}`))).toHaveLength(1);
  });

  it.each([
    ['a non-hex length', '00g5abc'],
    ['length 2 (v2 response-end)', '0002'],
    ['length 3', '0003'],
    ['a length over 65520', 'fff1'],
    ['a cut-short header', '00'],
    ['a cut-short payload', '0009abc'],
  ])('refuses %s', (_name, input) => {
    expect(() => readPktLines(bytesOf(input))).toThrow(ProtocolError);
  });

  it('names the offset of a bad packet', () => {
    try {
      readPktLines(bytesOf('0000zzzz'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).code).toBe('protocol');
      expect((error as ProtocolError).data).toMatchObject({ part: 'pkt-line', offset: 4 });
      expect((error as ProtocolError).message).toMatch(/pkt-line stream we could not read at byte 4/);
    }
  });
});

const packetArb: fc.Arbitrary<PktLine> = fc.oneof(
  fc.constant<PktLine>('flush'),
  fc.constant<PktLine>('delim'),
  fc.uint8Array({ maxLength: 300 }),
);

function encodeAll(packets: readonly PktLine[]): Uint8Array {
  return concatBytes(packets.map((p) => (p === 'flush' ? FLUSH_PKT : p === 'delim' ? DELIM_PKT : encodePktLine(p))));
}

/**
 * Pushes `stream` into a new reader cut at the points `cuts` picks, draining it with `drain`
 * after each push; returns the reader (not yet ended).
 */
function pushInChunks(stream: Uint8Array, cuts: number[], drain: (reader: PktLineReader) => void): PktLineReader {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const reader = new PktLineReader();
  let start = 0;
  for (const point of [...points, stream.length]) {
    reader.push(stream.subarray(start, point));
    start = point;
    drain(reader);
  }
  return reader;
}

describe('PktLineReader', () => {
  it('reads the same packets as readPktLines, however the stream is chunked', () => {
    fc.assert(
      fc.property(fc.array(packetArb, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 30 }), (packets, cuts) => {
        const stream = encodeAll(packets);
        const out: PktLine[] = [];
        const reader = pushInChunks(stream, cuts, (chunked) => {
          for (let packet = chunked.next(); packet !== undefined; packet = chunked.next()) out.push(packet);
        });
        reader.end();
        expect(out).toEqual(packets);
        expect(readPktLines(stream)).toEqual(packets);
      }),
    );
  });

  it('hands a payload that spans chunks as views of them, never copied', () => {
    fc.assert(
      fc.property(fc.array(packetArb, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 30 }), (packets, cuts) => {
        const stream = encodeAll(packets);
        const out: PktLine[] = [];
        pushInChunks(stream, cuts, (chunked) => {
          for (let packet = chunked.nextParts(); packet !== undefined; packet = chunked.nextParts()) {
            if (typeof packet === 'string') out.push(packet);
            else {
              for (const part of packet) expect(part.buffer).toBe(stream.buffer);
              expect(packet.every((part) => part.length > 0)).toBe(true);
              out.push(concatBytes(packet));
            }
          }
        });
        expect(out).toEqual(packets);
      }),
    );
  });

  it('waits for the rest of a packet, then refuses a stream that ends inside one', () => {
    const reader = new PktLineReader();
    reader.push(bytesOf('000ahel'));
    expect(reader.next()).toBeUndefined();
    expect(reader.pendingBytes).toBe(7);
    expect(() => reader.end()).toThrow(ProtocolError);
    reader.push(bytesOf('lo\n0000'));
    expect(text(reader.next() as Uint8Array)).toBe('hello\n');
    expect(reader.next()).toBe('flush');
    expect(reader.next()).toBeUndefined();
    reader.end();
  });

  it('refuses a bad length as soon as its header is complete', () => {
    const reader = new PktLineReader();
    reader.push(bytesOf('0006a\n'));
    reader.push(bytesOf('ff'));
    expect(text(reader.next() as Uint8Array)).toBe('a\n');
    expect(reader.next()).toBeUndefined();
    reader.push(bytesOf('ff'));
    expect(() => reader.next()).toThrow(/at byte 6/);
  });

  it('keeps up with many tiny chunks', () => {
    const stream = encodeAll(Array.from({ length: 2000 }, (_, i) => bytesOf(`line ${i}\n`)));
    const reader = new PktLineReader();
    let count = 0;
    for (let i = 0; i < stream.length; i++) {
      reader.push(stream.subarray(i, i + 1));
      if (reader.next() !== undefined) count++;
    }
    expect(count).toBe(2000);
  });
});
