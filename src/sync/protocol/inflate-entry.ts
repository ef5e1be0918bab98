import { ZStream, Z_BUF_ERROR, Z_FINISH, Z_OK, Z_STREAM_END, zlibInflate, zlibInflateEnd, zlibInflateInit, zlibInflateReset } from 'pako';
import { ProtocolError } from './errors.ts';

/** Reads the zlib streams of pack entries, each into a buffer of exactly its declared size. */
export interface EntryInflater {
  /**
   * Inflates the zlib stream starting at `start` in `bytes`, reading no further than `limit`.
   * Returns the data and the offset just past the stream. Throws ProtocolError when the stream
   * is corrupt, cut short, or inflates to anything but `size` bytes.
   */
  inflateEntry(bytes: Uint8Array, start: number, limit: number, size: number): { data: Uint8Array; end: number };
  /** Frees zlib's state. */
  end(): void;
}

/** Deflate cannot beat about 1032:1, so a larger claimed size is a lie; refuse before allocating. */
const MAX_RATIO = 1100;

function fail(problem: string, offset: number): never {
  throw new ProtocolError('pack', problem, { offset });
}

/**
 * One reusable zlib inflater. Output goes into a buffer of exactly the declared size: a
 * stream that needs more room stops with the buffer full, so no entry can make it allocate
 * more than it declared (itself capped by the caller and by deflate's best ratio).
 */
export function createEntryInflater(): EntryInflater {
  const strm = new ZStream();
  if (zlibInflateInit(strm) !== Z_OK) throw new Error('zlib could not start');
  return {
    inflateEntry(bytes, start, limit, size) {
      const available = limit - start;
      if (available <= 0) fail('the pack ends where an object\'s data should start', start);
      if (size > available * MAX_RATIO + 1024) {
        fail(`an object declares ${size} bytes but only ${available} compressed bytes remain`, start);
      }
      zlibInflateReset(strm);
      const data = new Uint8Array(size);
      strm.input = bytes;
      strm.next_in = start;
      strm.avail_in = available;
      strm.output = data;
      strm.next_out = 0;
      strm.avail_out = size;
      const status = zlibInflate(strm, Z_FINISH);
      const end = strm.next_in;
      const produced = strm.next_out;
      strm.input = new Uint8Array(0);
      if (status === Z_STREAM_END) {
        if (produced !== size) fail(`an object inflates to ${produced} bytes but its header says ${size}`, start);
        return { data, end };
      }
      if (status === Z_BUF_ERROR || status === Z_OK) {
        if (end >= limit) fail('the pack is cut short inside an object\'s compressed data', start);
        fail(`an object inflates to more than the ${size} bytes its header says`, start);
      }
      fail(`an object's compressed data is corrupt (zlib: ${strm.msg || `status ${status}`})`, start);
    },
    end() {
      zlibInflateEnd(strm);
    },
  };
}
