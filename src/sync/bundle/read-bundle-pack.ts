import type { GitStore } from '../../store/index.ts';
import { readLocalBase } from '../local-base.ts';
import { ProtocolError, type PackObject } from '../protocol/index.ts';
import { parsePackAside } from '../pack-work/pack-work.ts';
import { BundleError } from './bundle-error.ts';
import type { BundleHeader } from './bundle-header.ts';

/**
 * Reads a bundle's pack into objects with their (verified) ids, nothing stored. Refuses first
 * a bundle whose prerequisites this device lacks (`missing-prerequisite`); the store lends the
 * bases of a thin pack's deltas. A malformed pack is a BundleError (`corrupt`) whose cause is
 * the ProtocolError, and whose offset counts from the start of the file.
 */
export async function readBundlePack(store: GitStore, bytes: Uint8Array, header: BundleHeader): Promise<PackObject[]> {
  const [missing] = await store.objects.missing(header.prerequisites);
  if (missing !== undefined) {
    throw new BundleError('missing-prerequisite', `it starts from commit ${missing}, which this device does not have`);
  }
  try {
    return await parsePackAside(bytes.subarray(header.packOffset), (oid) => readLocalBase(store, oid));
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    const { problem, offset } = error.data;
    const extra = offset === undefined ? { cause: error } : { cause: error, offset: header.packOffset + offset };
    throw new BundleError('corrupt', `its packed objects cannot be read (${problem})`, extra);
  }
}
