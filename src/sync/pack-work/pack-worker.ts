// The pack worker: builds a push's or an export's pack (hashing every object against its id,
// zlib, the pack's checksum) and parses a bundle's pack (inflating, applying deltas, hashing
// every object) off the page's main thread. The page opens one per pack (see pack-work.ts).
import { concatBytes, CorruptObjectError, type GitObject, type Oid } from '../../store/index.ts';
import { parsePack } from '../protocol/index.ts';
import { sendError } from '../unpack/sent-error.ts';
import { LoosePackBuilder } from './loose-pack-builder.ts';
import { partBuffers, partOfPackObjects } from './object-parts.ts';
import type { FromPackWorker, ToPackWorker } from './pack-messages.ts';

const scope = globalThis as unknown as { postMessage(message: FromPackWorker, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<ToPackWorker>) => void) | null };
const post = (message: FromPackWorker, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);
const fail = (error: unknown): void =>
  post({ type: 'failed', error: error instanceof CorruptObjectError ? { kind: 'corrupt', ...error.data } : sendError(error) });

/** The pack being built; steps run in order, and the first failure stops the rest. */
let building: Promise<LoosePackBuilder | undefined> = Promise.resolve(undefined);
/** Bases asked of the page (a thin bundle's), by request. */
const bases = new Map<number, (objects: Array<GitObject | undefined>) => void>();
let nextRequest = 0;

function step(action: (builder: LoosePackBuilder) => Promise<void> | void): void {
  building = building
    .then(async (builder) => {
      if (builder) await action(builder);
      return builder;
    })
    .catch((error: unknown) => {
      fail(error);
      return undefined;
    });
}

function parse(pieces: Uint8Array[], options: { maxObjectBytes?: number; maxTotalBytes?: number }): void {
  const bytes = pieces.length === 1 ? (pieces[0] as Uint8Array) : concatBytes(pieces);
  const resolveBase = async (oid: Oid): Promise<GitObject | undefined> => {
    const id = nextRequest++;
    const answer = new Promise<Array<GitObject | undefined>>((resolve) => bases.set(id, resolve));
    post({ type: 'need-bases', id, oids: [oid] });
    return (await answer)[0];
  };
  parsePack(bytes, resolveBase, options).then((objects) => {
    const part = partOfPackObjects(objects);
    post({ type: 'parsed', part }, partBuffers(part));
  }, fail);
}

scope.onmessage = ({ data }) => {
  if (data.type === 'encode') {
    building = LoosePackBuilder.create(data.count, data.level).catch((error: unknown) => {
      fail(error);
      return undefined;
    });
  } else if (data.type === 'objects') {
    const { part } = data;
    step((builder) => builder.add(part));
  } else if (data.type === 'end') {
    step((builder) => {
      const chunks = builder.finish();
      post({ type: 'pack', chunks }, chunks.map((chunk) => chunk.buffer as ArrayBuffer));
    });
  } else if (data.type === 'parse') {
    const { pieces, ...options } = data;
    parse(pieces, options);
  } else if (data.type === 'bases') {
    bases.get(data.id)?.(data.objects);
    bases.delete(data.id);
  }
};

post({ type: 'ready' });
