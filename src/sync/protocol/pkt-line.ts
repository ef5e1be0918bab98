import { ProtocolError } from './errors.ts';

/** One packet of a pkt-line stream: a payload, or one of the special zero-payload markers. */
export type PktLine = Uint8Array | 'flush' | 'delim';

/** Largest whole packet git sends or accepts (LARGE_PACKET_MAX), its 4-byte length included. */
const MAX_PKT_LENGTH = 65520;

/** Largest payload one packet can carry. */
export const MAX_PKT_PAYLOAD = MAX_PKT_LENGTH - 4;

/** `0000`: ends a list (refs, wants, a response section). */
export const FLUSH_PKT: Uint8Array = new TextEncoder().encode('0000');

/** `0001`: separates sections in protocol v2 requests. */
export const DELIM_PKT: Uint8Array = new TextEncoder().encode('0001');

const HEX = '0123456789abcdef';
const encoder = new TextEncoder();

/**
 * Frames one payload as a pkt-line: four hex digits giving the whole length, then the bytes.
 * Text is UTF-8 encoded as given; add the trailing `\n` yourself where git expects one.
 * Throws RangeError for a payload over {@link MAX_PKT_PAYLOAD} bytes (a caller bug, not the server's).
 */
export function encodePktLine(payload: string | Uint8Array): Uint8Array {
  const bytes = typeof payload === 'string' ? encoder.encode(payload) : payload;
  if (bytes.length > MAX_PKT_PAYLOAD) {
    throw new RangeError(`A pkt-line payload holds at most ${MAX_PKT_PAYLOAD} bytes, got ${bytes.length}`);
  }
  const length = bytes.length + 4;
  const out = new Uint8Array(length);
  for (let i = 0; i < 4; i++) out[i] = HEX.charCodeAt((length >> (12 - 4 * i)) & 15);
  out.set(bytes, 4);
  return out;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}

/**
 * Decodes a 4-byte pkt-line length header: 0 (flush), 1 (delim), or a whole-packet length in
 * 4..{@link MAX_PKT_LENGTH}. Anything else (non-hex, 2, 3, too long) is a ProtocolError.
 */
export function decodePktLength(header: ArrayLike<number>, offset: number): number {
  let length = 0;
  for (let i = 0; i < 4; i++) {
    const digit = hexValue(header[i] ?? -1);
    if (digit < 0) throw new ProtocolError('pkt-line', `a length header that is not four hex digits (${describeHeader(header)})`, { offset });
    length = length * 16 + digit;
  }
  if (length === 2 || length === 3) {
    throw new ProtocolError('pkt-line', `special packet ${describeHeader(header)}, which only protocol v2 uses`, { offset });
  }
  if (length > MAX_PKT_LENGTH) {
    throw new ProtocolError('pkt-line', `a packet of ${length} bytes, over git's limit of ${MAX_PKT_LENGTH}`, { offset });
  }
  return length;
}

function describeHeader(header: ArrayLike<number>): string {
  return JSON.stringify(String.fromCharCode(...Array.from({ length: 4 }, (_, i) => header[i] ?? 0)));
}

/**
 * Splits a complete pkt-line stream into packets. Payloads are views into `bytes` (no copies).
 * Throws ProtocolError for a bad length or a stream that ends inside a packet.
 */
export function readPktLines(bytes: Uint8Array): PktLine[] {
  const out: PktLine[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < 4) throw new ProtocolError('pkt-line', 'a stream that ends inside a length header', { offset });
    const length = decodePktLength(bytes.subarray(offset, offset + 4), offset);
    if (length < 4) {
      out.push(length === 0 ? 'flush' : 'delim');
      offset += 4;
      continue;
    }
    if (offset + length > bytes.length) {
      throw new ProtocolError('pkt-line', `a ${length}-byte packet cut short after ${bytes.length - offset} bytes`, { offset });
    }
    out.push(bytes.subarray(offset + 4, offset + length));
    offset += length;
  }
  return out;
}
