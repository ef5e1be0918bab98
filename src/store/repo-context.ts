import type { Backend } from './backend/index.ts';
import type { HeadNotifier } from './head-notifier.ts';
import type { ObjectStore } from './object-store.ts';
import type { TurnTaking } from './turn-taking.ts';
import type { MergeFn } from './types.ts';

/** What the parts of one open repository share. */
export interface RepoContext {
  readonly name: string;
  readonly backend: Backend;
  readonly store: ObjectStore;
  readonly notifier: HeadNotifier;
  readonly turns: TurnTaking;
  readonly merge: MergeFn | undefined;
  readonly author: { name: string; email: string };
}

/** The ref that holds branch `name`'s head. */
export function branchRef(name: string): string {
  return `refs/heads/${name}`;
}
