import type { Backend } from './backend/index.ts';
import { parseOid, type Oid } from './oid.ts';
import type { ObjectImport } from './types.ts';

/**
 * An import over `backend` (see `ObjectAccess.beginImport`). The backend refuses to move a ref
 * to a commit that is neither among the imported objects nor stored, so it never points at nothing.
 */
export async function beginImport(
  backend: Backend,
  checkRefName: (ref: string) => string,
  announce: (ref: string, head: Oid) => void,
  rememberRaw: (oid: Oid, raw: Uint8Array) => void,
): Promise<ObjectImport> {
  const started = await backend.beginImport();
  return {
    target: started.target,
    put: (run) => started.put(run),
    async commit(ref) {
      if (!ref) return started.commit();
      const name = checkRefName(ref.name);
      const next = parseOid(ref.next);
      const moved = await started.commit({ name, expected: ref.expected, next });
      if (!moved) return false;
      if (ref.nextRaw) rememberRaw(next, ref.nextRaw);
      announce(name, next);
      return true;
    },
    abort: () => started.abort(),
  };
}
