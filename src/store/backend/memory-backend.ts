import type { HashedObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { ObjectNotFoundError, StoreError } from '../errors.ts';
import { ownBytes, type Backend } from './backend.ts';
import { batchSize, indexOfId, type ObjectRun } from './object-batch.ts';
import { looseForm } from './stored-record.ts';

/** A backend in plain maps: for tests and throwaway repositories. */
export function createMemoryBackend(): Backend {
  const objects = new Map<string, Uint8Array>();
  const refs = new Map<string, Oid>();
  const store = (list: readonly HashedObject[]): void => {
    for (const { oid, raw } of list) objects.set(oid, ownBytes(raw));
  };
  return {
    getObject: async (oid) => objects.get(oid),
    getObjects: async (oids) => oids.map((oid) => objects.get(oid)),
    hasObjects: async (oids) => oids.map((oid) => objects.has(oid)),
    putObjects: async (list) => store(list),
    getRef: async (name) => refs.get(name),
    listRefs: async () => new Map(refs),
    compareAndSetRef: async (name, expected, next, list) => {
      if (refs.get(name) !== expected) return false;
      store(list);
      refs.set(name, next);
      return true;
    },
    beginImport: async () => {
      let runs: ObjectRun[] | undefined = [];
      const open = (): ObjectRun[] => {
        if (!runs) throw new StoreError('unavailable', 'This import has already been committed or aborted.', {});
        return runs;
      };
      return {
        put: async (run) => void open().push(run),
        commit: async (ref) => {
          const done = open();
          if (ref && refs.get(ref.name) !== ref.expected) return false;
          if (ref && !objects.has(ref.next) && !done.some(({ index }) => indexOfId(index.oids, ref.next) >= 0)) throw new ObjectNotFoundError(ref.next);
          for (const { chunks, index } of done) {
            for (let i = 0; i < batchSize(index); i++) {
              const [chunk, offset, length] = [0, 1, 2].map((field) => index.locations[i * 3 + field] as number) as [number, number, number];
              objects.set(index.oids.slice(i * 40, i * 40 + 40), await looseForm((chunks[chunk] as Uint8Array).slice(offset, offset + length)));
            }
          }
          if (ref) refs.set(ref.name, ref.next);
          runs = undefined;
          return true;
        },
        abort: async () => void (runs = undefined),
      };
    },
    close: () => undefined,
  };
}
