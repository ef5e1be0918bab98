import { StoreError } from './errors.ts';

/** Full ref names: `refs/` and then a valid branch-like path. */
export function checkRefName(ref: string): string {
  if (!ref.startsWith('refs/')) throw new StoreError('invalid-branch', `Invalid ref name ${JSON.stringify(ref)}.`, { ref });
  checkBranchName(ref.slice('refs/'.length));
  return ref;
}

/** Branch names follow git's rules for ref path segments, kept simple. */
export function checkBranchName(name: string): string {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name) || name.includes('..') || name.endsWith('.lock')) {
    throw new StoreError('invalid-branch', `Invalid branch name ${JSON.stringify(name)}.`, { name });
  }
  return name;
}
