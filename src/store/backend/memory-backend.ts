import type { HashedObject } from '../objects/index.ts';
import type { Oid } from '../oid.ts';
import { ownBytes, type Backend } from './backend.ts';

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
    close: () => undefined,
  };
}
