// A deflated record read where pako's inflate cannot be fetched (a widget offline before any
// read needed that chunk): the platform's DecompressionStream inflates it, so reading never
// needs the network.
import { deflateSync } from 'node:zlib';
import { expect, it, vi } from 'vitest';
import { hashObject, utf8 } from '../objects/index.ts';
import { looseForm } from './stored-record.ts';

const load = vi.hoisted(() => ({ fails: true, tries: 0 }));

vi.mock('pako/browser/inflate', async (original) => {
  load.tries++;
  if (load.fails) throw new TypeError('Failed to fetch dynamically imported module');
  return original();
});

it('is inflated by the platform while pako cannot be loaded, and by pako once it can', async () => {
  const object = hashObject('blob', utf8(Array.from({ length: 300 }, (_, i) => `paragraph ${i % 13}, revised`).join('\n')));
  const start = object.raw.indexOf(0) + 1;
  const zlib = new Uint8Array(deflateSync(object.raw.subarray(start)));
  const record = new Uint8Array(start + zlib.length);
  record.set(object.raw.subarray(0, start));
  record.set(zlib, start);

  expect(await looseForm(record)).toEqual(object.raw);
  expect(load.tries).toBe(1);
  load.fails = false;
  vi.resetModules(); // a browser that keeps no failed import fetches the chunk again
  expect(await looseForm(record)).toEqual(object.raw);
  expect(load.tries).toBe(2);
});
