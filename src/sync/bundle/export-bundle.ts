import type { GitStore } from '../../store/index.ts';
import { buildPack, joinChunks } from '../pack-work/pack-work.ts';
import { BundleError } from './bundle-error.ts';
import { encodeBundleHeader, type BundleRef } from './bundle-header.ts';
import type { BundleProgress } from './progress.ts';

const HEADS = 'refs/heads/';

/** Options of {@link exportBundle}. */
export interface ExportBundleOptions {
  /** Branches to export (default: every branch with a commit). */
  branches?: readonly string[];
  /** Told how far the export got; phases in `BundlePhase`. */
  onProgress?: BundleProgress;
}

/**
 * Exports branches with their whole history as a git bundle (version 2), the file
 * `git bundle create --all` would write: the signature, one `<oid> refs/heads/<name>` line per
 * branch and a `HEAD` line (at `main`, else the first branch, so `git clone <file>` checks
 * out a working tree), a blank line, then a pack of every object those heads reach.
 * `git bundle verify`, `git clone` and `importBundle` read it. A branch without a
 * commit, or none at all, is a BundleError (`nothing-to-export`).
 *
 * @example
 * const bytes = await exportBundle(repo.git);
 * download(new Blob([bytes]), 'taskgit.bundle');
 */
export async function exportBundle(store: GitStore, options: ExportBundleOptions = {}): Promise<Uint8Array> {
  const refs = await listExportedRefs(store, options.branches);
  const heads = [...new Set(refs.map(({ oid }) => oid))];
  const onCommit = (done: number, total: number): void => options.onProgress?.('counting', done, total);
  const oids = await store.graph.listObjectsToSend(heads, [], { onCommit });
  options.onProgress?.('compressing', 0, oids.length);
  const pack = await buildPack((ids) => store.objects.readLoose(ids), oids, (done) => options.onProgress?.('compressing', done, oids.length));
  return joinChunks([encodeBundleHeader(refs), ...pack]);
}

async function listExportedRefs(store: GitStore, wanted: readonly string[] | undefined): Promise<BundleRef[]> {
  const branches = await store.refs.list(HEADS);
  const names = wanted === undefined ? [...branches.keys()].map((ref) => ref.slice(HEADS.length)) : [...new Set(wanted)];
  const refs: BundleRef[] = [];
  for (const name of names.sort()) {
    const oid = branches.get(`${HEADS}${name}`);
    if (oid === undefined) throw new BundleError('nothing-to-export', `branch "${name}" has no commit yet`);
    refs.push({ name: `refs/heads/${name}`, oid });
  }
  const head = refs.find(({ name }) => name === 'refs/heads/main') ?? refs[0];
  if (head === undefined) throw new BundleError('nothing-to-export', wanted === undefined ? 'this device has no commit yet' : 'no branch was chosen');
  return [...refs, { name: 'HEAD', oid: head.oid }];
}
