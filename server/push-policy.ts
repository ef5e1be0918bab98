// What a push may do, enforced by git itself. The server passes git configuration in the
// backend's environment (`GIT_CONFIG_COUNT`…), which outranks anything in a repository's own
// config, so the policy holds for every repository the process serves, old or new. Force pushes
// and deletions are refused by a pre-receive hook of the server's own (`core.hooksPath`), which
// runs while the pushed objects are still in quarantine: a refused push leaves nothing behind.
// `receive.denyNonFastForwards` and `receive.denyDeletes` stand behind it.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What pushes may do beyond fast-forwarding and creating branches. */
export interface PushPolicy {
  /** Accept non-fast-forward updates (force pushes); default false. */
  allowForcePush?: boolean;
  /** Accept branch and tag deletions; default false. */
  allowDeletion?: boolean;
  /** Refuse a pushed pack larger than this many bytes; default no limit. */
  maxPushBytes?: number;
}

/** The policy's hook, in a folder of its own. */
export interface PolicyHooks {
  /** The git configuration that enforces the policy. */
  readonly config: Array<[key: string, value: string]>;
  /** Removes the hook's folder. */
  close(): Promise<void>;
}

/** Writes the hook for `policy` and returns the configuration that uses it. */
export async function createPolicyHooks(policy: PushPolicy): Promise<PolicyHooks> {
  const config: Array<[string, string]> = [
    ['http.receivepack', 'true'],
    ['receive.denyNonFastForwards', String(!policy.allowForcePush)],
    ['receive.denyDeletes', String(!policy.allowDeletion)],
  ];
  if (policy.maxPushBytes !== undefined) config.push(['receive.maxInputSize', String(policy.maxPushBytes)]);
  if (policy.allowForcePush && policy.allowDeletion) return { config, close: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'taskgit-hooks-'));
  const hook = join(dir, 'pre-receive');
  await writeFile(hook, preReceive(policy));
  await chmod(hook, 0o755);
  config.push(['core.hooksPath', dir]);
  return { config, close: () => rm(dir, { recursive: true, force: true }) };
}

/** A POSIX shell pre-receive hook refusing what `policy` does not allow, one line per refusal. */
function preReceive(policy: PushPolicy): string {
  const deletion = policy.allowDeletion ? ':' : 'echo "Push refused: $ref cannot be deleted on this server."; status=1';
  const force = policy.allowForcePush
    ? ':'
    : 'git merge-base --is-ancestor "$old" "$new" 2>/dev/null || { echo "Push refused: $ref would lose commits (a force push); fetch, merge and push again."; status=1; }';
  return `#!/bin/sh
# Taskgit's push policy (server/push-policy.ts): runs while the pushed objects are in quarantine.
status=0
while read -r old new ref; do
  case "$new" in
    *[!0]*) case "$old" in *[!0]*) ${force} ;; esac ;;
    *) ${deletion} ;;
  esac
done
exit $status
`;
}

/** `entries` as the environment variables git reads configuration from. */
export function gitConfigEnv(entries: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}
