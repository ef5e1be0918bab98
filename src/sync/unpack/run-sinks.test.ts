// The unpack worker's run sinks against a real import (fake-indexeddb), with this test playing
// the run store worker at the other end of a MessageChannel, storing on a connection of its own:
// a last run is stored beside a run that worker still stores, and goes through it when it is idle.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { hashObject, ObjectRunBuilder, openImportWriter, openRepo, type ImportTarget, type ObjectRun, type Repo } from '../../store/index.ts';
import { storeThrough, type StoreRun } from './run-sinks.ts';
import { runBuffers, type FromRunStore, type RunToStore } from './unpack-messages.ts';

const encoder = new TextEncoder();

function runOf(texts: readonly string[]): { run: ObjectRun; oids: string[] } {
  const builder = new ObjectRunBuilder(64);
  const objects = texts.map((text) => hashObject('blob', encoder.encode(text)));
  for (const { oid, raw } of objects) builder.add(oid, raw);
  return { run: builder.take(), oids: objects.map(({ oid }) => oid) };
}

/**
 * The run store worker's side of `port`: ready at once, each run stored on its own connection,
 * its reply held until `release` is called (which waits for a run to come first).
 */
function playRunStore(port: MessagePort, target: ImportTarget): { received: number; release(): Promise<void> } {
  const held: Array<() => Promise<void>> = [];
  const state = {
    received: 0,
    async release() {
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      await held.shift()?.();
    },
  };
  const writer = openImportWriter(target);
  port.onmessage = ({ data: { run, bytes } }: MessageEvent<RunToStore>) => {
    state.received++;
    held.push(async () => {
      await (await writer).put(run);
      port.postMessage({ type: 'stored', objects: run.index.oids.length / 40, bytes, chunks: run.chunks } satisfies FromRunStore, runBuffers(run));
    });
  };
  port.postMessage({ type: 'ready' } satisfies FromRunStore);
  return state;
}

async function setUp(name: string): Promise<{ repo: Repo; sink: StoreRun; runStore: ReturnType<typeof playRunStore>; told: number[]; commit: () => Promise<boolean> }> {
  const repo = await openRepo({ name });
  const started = await repo.git.objects.beginImport();
  const target = started.target as ImportTarget;
  const { port1, port2 } = new MessageChannel();
  const runStore = playRunStore(port2, target);
  const told: number[] = [];
  const sink = (await storeThrough(port1, target, ({ objects }) => told.push(objects))) as StoreRun;
  return { repo, sink, runStore, told, commit: () => started.commit() };
}

describe('storing through the run store worker', () => {
  it('stores the last run on this thread while that worker still stores the one before', async () => {
    const { repo, sink, runStore, told, commit } = await setUp('beside');
    const first = runOf(['one', 'two', 'three']);
    const last = runOf(['four', 'five']);
    const firstStored = sink(first.run, 100, false);
    await sink(last.run, 60, true); // resolves with the run store worker's reply still held
    expect(runStore.received).toBe(1);
    expect(told).toEqual([2]);
    await runStore.release();
    await firstStored;
    expect(told).toEqual([2, 3]);
    expect(await commit()).toBe(true);
    expect(await repo.git.objects.missing([...first.oids, ...last.oids])).toEqual([]);
    await repo.close();
  });

  it('hands the last run to that worker when it has nothing left to store', async () => {
    const { repo, sink, runStore, told, commit } = await setUp('through');
    const first = runOf(['six']);
    const last = runOf(['seven', 'eight']);
    const firstStored = sink(first.run, 10, false);
    await runStore.release();
    await firstStored;
    const lastStored = sink(last.run, 20, true);
    await runStore.release();
    await lastStored;
    expect(runStore.received).toBe(2);
    expect(told).toEqual([1, 2]);
    expect(await commit()).toBe(true);
    expect(await repo.git.objects.missing([...first.oids, ...last.oids])).toEqual([]);
    await repo.close();
  });
});
