import { describe, expect, it } from 'vitest';
import { createMemoryBackend, hashObject, openRepo, type GitObject, type Oid, type Repo } from '../store/index.ts';
import { checkConnectivity } from './connectivity.ts';
import { listObjectsToSend } from './missing-objects.ts';
import { ProtocolError } from './protocol/index.ts';

/** Two devices sharing commit A; the second adds B. Returns B's new objects as a pack holds them. */
async function setUp(): Promise<{ device: Repo; pack: Array<GitObject & { oid: Oid }>; head: Oid }> {
  const shared = createMemoryBackend();
  const origin = await openRepo({ name: 'origin', backend: shared });
  const main = await origin.branch();
  await main.transaction((tx) => {
    for (let i = 0; i < 20; i++) tx.set(`items/${i % 4}/${i}.json`, `{"i":${i}}`);
  }, { message: 'A', date: new Date(1_000_000) });
  const device = await openRepo({ name: 'device', backend: createMemoryBackend() });
  const a = (await main.head()) as Oid;
  const objectsOfA = await listObjectsToSend(origin, [a]);
  await device.refs.compareAndSet('refs/heads/main', undefined, a, await origin.objects.readMany(objectsOfA));
  const head = await main.set('items/1/5.json', '{"i":"changed"}', { message: 'B', date: new Date(2_000_000) });
  const oids = await listObjectsToSend(origin, [head]);
  const pack = (await origin.objects.readMany(oids)).map((object, i) => ({ ...object, oid: oids[i] as Oid }));
  return { device, pack, head };
}

describe('checkConnectivity', () => {
  it('accepts a pack that, with what the device holds, is complete', async () => {
    const { device, pack, head } = await setUp();
    expect(pack.map((o) => o.type).sort()).toEqual(['blob', 'commit', 'tree', 'tree', 'tree']);
    await expect(checkConnectivity(device, pack, head)).resolves.toBeUndefined();
  });

  it('refuses a pack with a hole, naming the missing object', async () => {
    const { device, pack, head } = await setUp();
    const blob = hashObject('blob', new TextEncoder().encode('{"i":"changed"}')).oid;
    const holed = pack.filter((object) => object.oid !== blob);
    await expect(checkConnectivity(device, holed, head)).rejects.toBeInstanceOf(ProtocolError);
    await expect(checkConnectivity(device, holed, head)).rejects.toThrow(blob);
  });

  it('refuses a pack whose commit has a parent the device lacks', async () => {
    const { pack, head } = await setUp();
    const stranger = await openRepo({ name: 'stranger', backend: createMemoryBackend() });
    await expect(checkConnectivity(stranger, pack, head)).rejects.toThrow(/neither the pack nor this device has/);
  });

  it('finds a hole in a commit whose parent is in the same pack (trees compared byte by byte)', async () => {
    const { device, pack, head } = await setUp();
    const origin = await openRepo({ name: 'origin-2', backend: createMemoryBackend() });
    await origin.refs.compareAndSet('refs/heads/main', undefined, head, [
      ...(await device.objects.readMany(await listObjectsToSend(device, [(await device.refs.read('refs/heads/main')) as Oid]))),
      ...pack,
    ]);
    const c = await (await origin.branch()).set('items/1/9.json', '{"i":"again"}', { message: 'C', date: new Date(3_000_000) });
    const newOids = await listObjectsToSend(origin, [c]);
    const both = [...pack, ...(await origin.objects.readMany(newOids)).map((object, i) => ({ ...object, oid: newOids[i] as Oid }))];
    await expect(checkConnectivity(device, both, c)).resolves.toBeUndefined();
    const blob = hashObject('blob', new TextEncoder().encode('{"i":"again"}')).oid;
    await expect(checkConnectivity(device, both.filter((object) => object.oid !== blob), c)).rejects.toThrow(blob);
  });
});
