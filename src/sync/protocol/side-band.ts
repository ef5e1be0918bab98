import { concatBytes } from '../../store/index.ts';
import { ProtocolError } from './errors.ts';
import type { PktLine } from './pkt-line.ts';

/** One side-band packet, by channel: pack data, progress text, or the server's fatal error. */
export type SideBandPacket =
  | { band: 1; data: Uint8Array }
  | { band: 2; text: string }
  | { band: 3; text: string };

const decoder = new TextDecoder();

/**
 * Splits one side-band(-64k) payload into its channel and contents. Channel 3 is returned,
 * not thrown, so callers can decide; {@link demultiplexSideBand} throws it.
 */
export function decodeSideBand(payload: Uint8Array): SideBandPacket {
  const band = payload[0];
  const body = payload.subarray(1);
  if (band === 1) return { band, data: body };
  if (band === 2 || band === 3) return { band, text: decoder.decode(body) };
  throw new ProtocolError('side-band', band === undefined ? 'an empty side-band packet' : `side-band channel ${band}, which does not exist`);
}

/**
 * Joins the pack data (channel 1) of side-band packets up to the first flush (or the end of
 * `packets`), passing progress (channel 2) to `onProgress` as it comes. Channel 3 is the
 * server giving up: a ProtocolError carrying its message. One copy, at the end.
 */
export function demultiplexSideBand(packets: Iterable<PktLine>, onProgress?: (text: string) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (const packet of packets) {
    if (packet === 'flush') break;
    if (packet === 'delim') throw new ProtocolError('side-band', 'a delim packet inside side-band data');
    const decoded = decodeSideBand(packet);
    if (decoded.band === 1) {
      chunks.push(decoded.data);
    } else if (decoded.band === 2) {
      onProgress?.(decoded.text);
    } else {
      throwServerError(decoded.text);
    }
  }
  return concatBytes(chunks);
}

/** Throws the ProtocolError for a server's channel-3 message. */
export function throwServerError(text: string): never {
  const message = text.trim() || '(no message)';
  throw new ProtocolError('side-band', 'the server reported a fatal error', { serverMessage: message });
}
