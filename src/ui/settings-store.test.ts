import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from './settings-store.ts';

describe('openSettingsStore', () => {
  it('keeps the remote settings and the last sync record, apart from the repository', async () => {
    const store = openSettingsStore(`settings-${Math.random()}`);
    expect(await store.loadRemote()).toBeUndefined();
    expect(await store.loadSyncRecord()).toBeUndefined();
    const remote = { url: 'http://127.0.0.1:8174/tasks.git', username: 'ann', token: 's3cret', corsProxy: '' };
    await store.saveRemote(remote);
    await store.saveSyncRecord({ remoteUrl: remote.url, head: 'a1', at: 42 });
    expect(await store.loadRemote()).toEqual(remote);
    expect(await store.loadSyncRecord()).toEqual({ remoteUrl: remote.url, head: 'a1', at: 42 });
    expect(await store.loadDeviceName()).toBeUndefined();
    await store.saveDeviceName('Ann’s phone');
    expect(await store.loadDeviceName()).toBe('Ann’s phone');
  });
});
