// Which comment remote an element talks to: its `remote` attribute, else the key `config-key`
// (default `commentsRemote`) of the JSON document its `config` attribute names (a site whose
// remote is known only when it is served, like `npm start` and the tests, serves it at
// `/config.json`). The answer is remembered, so an offline visit still finds its comments.

/** The attributes that say where the remote is. */
export interface RemoteAttributes {
  remote: string | null;
  config: string | null;
  configKey: string | null;
}

/** The key read from the config document when `config-key` is not given. */
export const DEFAULT_CONFIG_KEY = 'commentsRemote';

/** The remote URL, or `undefined` when none is configured (or the config cannot be read, and none was remembered). */
export async function resolveRemote(attributes: RemoteAttributes, baseUrl: string, storage: Storage | null): Promise<string | undefined> {
  if (attributes.remote) return new URL(attributes.remote, baseUrl).href;
  if (!attributes.config) return undefined;
  const configUrl = new URL(attributes.config, baseUrl).href;
  const key = attributes.configKey ?? DEFAULT_CONFIG_KEY;
  const memoryKey = `git-comments:config:${configUrl}#${key}`;
  try {
    const response = await fetch(configUrl, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const value: unknown = ((await response.json()) as Record<string, unknown>)[key];
    if (typeof value !== 'string' || value === '') return undefined;
    const remote = new URL(value, configUrl).href;
    remember(storage, memoryKey, remote);
    return remote;
  } catch {
    return recall(storage, memoryKey);
  }
}

function remember(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Not remembered: the next offline visit cannot find the remote; nothing else breaks.
  }
}

function recall(storage: Storage | null, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}
