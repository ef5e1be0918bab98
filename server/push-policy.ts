// What a push may do, enforced by git itself: the server passes git configuration in the
// backend's environment (`GIT_CONFIG_COUNT`…), which outranks anything in a repository's own
// config, so the policy holds for every repository the process serves, old or new.

/** What pushes may do beyond fast-forwarding and creating branches. */
export interface PushPolicy {
  /** Accept non-fast-forward updates (force pushes); default false. */
  allowForcePush?: boolean;
  /** Accept branch and tag deletions; default false. */
  allowDeletion?: boolean;
  /** Refuse a pushed pack larger than this many bytes; default no limit. */
  maxPushBytes?: number;
}

/** The git configuration that enforces `policy`. */
export function pushPolicyConfig(policy: PushPolicy): Array<[key: string, value: string]> {
  const entries: Array<[string, string]> = [
    ['http.receivepack', 'true'],
    ['receive.denyNonFastForwards', String(!policy.allowForcePush)],
    ['receive.denyDeletes', String(!policy.allowDeletion)],
  ];
  if (policy.maxPushBytes !== undefined) entries.push(['receive.maxInputSize', String(policy.maxPushBytes)]);
  return entries;
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
