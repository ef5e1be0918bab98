import { BundleError } from './bundle-error.ts';
import type { BundleRef } from './bundle-header.ts';

const HEADS = 'refs/heads/';

/**
 * The ref of a bundle to import into local branch `branch`, the first of: `refs/heads/<branch>`;
 * the bundle's only branch (`refs/heads/*`); its only ref of any kind besides `HEAD` (a tag);
 * its `HEAD` (the branch its maker had checked out, e.g. `master` from
 * `git bundle create --all`). Otherwise a BundleError (`no-ref`) listing the branches there are.
 */
export function chooseBundleRef(refs: readonly BundleRef[], branch: string): BundleRef {
  const exact = refs.find(({ name }) => name === `${HEADS}${branch}`);
  if (exact) return exact;
  const branches = refs.filter(({ name }) => name.startsWith(HEADS));
  const named = refs.filter(({ name }) => name !== 'HEAD');
  const only = [branches, named].find((list) => list.length === 1)?.[0];
  if (only) return only;
  const head = refs.find(({ name }) => name === 'HEAD');
  if (head) return head;
  if (named.length === 0) throw new BundleError('no-ref', 'it names no branch');
  const candidates = branches.length > 0 ? branches : named;
  const listed = candidates.slice(0, 5).map(({ name }) => (name.startsWith(HEADS) ? name.slice(HEADS.length) : name));
  const more = candidates.length > listed.length ? ` and ${candidates.length - listed.length} more` : '';
  throw new BundleError('no-ref', `it has no branch "${branch}", but ${candidates.length} others (${listed.join(', ')}${more}); import one of them by name`);
}
