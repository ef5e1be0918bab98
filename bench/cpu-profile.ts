// Chromium's sampling CPU profiler over CDP, summarised as self time per function and per source
// module: where a profiled sync spends the page's main thread, and how long the thread sat idle
// (waiting for IndexedDB or the network). Built pages have source maps, so each function's module
// can be told (assetModules); function names are the source's in an unminified build only
// (BENCH_UNMINIFIED=1, bench/page-build.ts: minifying renames a module's functions).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { readSourceMap, type SourceLookup } from './source-map.ts';

/** Self time of one function (or of `(idle)`, `(program)`, `(garbage collector)`). */
export interface FunctionTime {
  function: string;
  ms: number;
  share: number;
}

/** Self time of one source module (a file of src/, a package's file), or of a category. */
export interface ModuleTime {
  module: string;
  ms: number;
  share: number;
}

/** A profile, summarised. */
export interface CpuSummary {
  /** Time covered by samples, in ms. */
  sampledMs: number;
  /** The modules with the most self time, most first; browser built-ins (IndexedDB, TextEncoder...) as one. */
  modules: ModuleTime[];
  /** The functions with the most self time, most first. */
  functions: FunctionTime[];
  /**
   * Functions of src/ by inclusive time (their own and their callees', counted once per sample
   * however deep the recursion), most first: CPU time only, since an await ends the stack.
   */
  srcInclusive: FunctionTime[];
}

/** Where a bundled position comes from: `(url, line, column)` (0-based) to a module name. */
export type ModuleOf = (url: string, line: number, column: number) => string | undefined;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampling interval, in microseconds. */
const INTERVAL_US = 250;

/**
 * Names the source module of a position in any script under `assets` (a build's folder), from the
 * script's own source map: `src/...` from `repoRoot`, `<package>/...` for a dependency.
 */
export async function assetModules(assets: string, repoRoot: string): Promise<ModuleOf> {
  const lookups = new Map<string, SourceLookup>();
  // Sources are relative to their map; a dependency may be under a node_modules linked from elsewhere.
  const shorten = (source: string) => {
    const path = relative(repoRoot, resolve(assets, source));
    return /(?:^|\/)node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(.*)$/.exec(path)?.[1] ?? path;
  };
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js.map')) lookups.set(name.slice(0, -'.map'.length), readSourceMap(await readFile(join(assets, name), 'utf8'), shorten));
  }
  return (url, line, column) => lookups.get(url.split(/[?#]/, 1)[0]?.split('/').at(-1) ?? '')?.(line, column);
}

/** A {@link ModuleOf} for the bundle files under `/assets/` of the bench page, from their source map. */
export function bundleModules(lookup: SourceLookup): ModuleOf {
  return (url, line, column) => (url.includes('/assets/') ? lookup(line, column) : undefined);
}

/** Starts profiling `page`; the returned function stops and summarises the `top` functions and modules. */
export async function startCpuProfile(page: Page, moduleOf: ModuleOf = () => undefined, top = 15): Promise<() => Promise<CpuSummary>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    return summarise(profile, moduleOf, top);
  };
}

/** A node's module and function labels. */
function describe(node: ProfileNode, moduleOf: ModuleOf): { module: string; name: string } {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (functionName.startsWith('(')) return { module: functionName, name: functionName };
  if (!url) return { module: '(browser built-ins: IndexedDB, TextEncoder/Decoder, fetch...)', name: `${functionName} (built-in)` };
  const module = moduleOf(url, lineNumber, columnNumber) ?? url.split('/').at(-1) ?? url;
  return { module, name: `${functionName || '(anonymous)'} (${module})` };
}

function summarise(profile: Profile, moduleOf: ModuleOf, top: number): CpuSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, describe(node, moduleOf)]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  // A sample's delta is the time since the previous one: charge it to the function sampled now.
  samples.forEach((id, i) => {
    const us = deltas[i] ?? 0;
    total += us;
    const where = byId.get(id) ?? { module: '(unknown)', name: '(unknown)' };
    add(functions, where.name, us);
    add(modules, where.module, us);
    const onStack = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
      const frame = byId.get(node);
      if (frame?.module.startsWith('src/')) onStack.add(frame.name);
    }
    for (const name of onStack) add(inclusive, name, us);
  });
  const round = (value: number) => Math.round(value * 10) / 10;
  const share = (us: number) => Math.round((us / total) * 1000) / 1000;
  const ranked = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    sampledMs: round(total / 1000),
    modules: ranked(modules).map(([module, us]) => ({ module, ms: round(us / 1000), share: share(us) })),
    functions: ranked(functions).map(([name, us]) => ({ function: name, ms: round(us / 1000), share: share(us) })),
    srcInclusive: ranked(inclusive).map(([name, us]) => ({ function: name, ms: round(us / 1000), share: share(us) })),
  };
}

/** One main-thread task of 50 ms or more seen during a profile, and what ran in it. */
export interface LongTaskProfile {
  ms: number;
  /** Functions by inclusive time within the task (their own and their callees'), most first. */
  functions: FunctionTime[];
}

/**
 * Starts profiling `page` while recording its long tasks (Chromium's 'longtask' entries); the
 * returned function stops and says, for each long task, which functions its samples fell in:
 * where the page's main thread was held. The page's clock and the profile's are aligned by a
 * marker function run right after the profiler starts.
 */
export async function startLongTaskProfile(page: Page, moduleOf: ModuleOf = () => undefined, top = 12): Promise<() => Promise<LongTaskProfile[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await page.evaluate(() => {
    const tasks: Array<[number, number]> = [];
    Reflect.set(window, 'benchLongTasks', tasks);
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push([entry.startTime, entry.duration]))).observe({ type: 'longtask' });
  });
  await cdp.send('Profiler.start');
  // A string, not a function: the bench's own transpiler would wrap a named function in a helper the page lacks.
  const markedAt = (await page.evaluate(
    '(() => { const at = performance.now(); function benchProfileMarker() { const until = performance.now() + 3; while (performance.now() < until); } benchProfileMarker(); return at; })()',
  )) as number;
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile & { startTime: number } };
    const tasks = await page.evaluate(() => Reflect.get(window, 'benchLongTasks') as Array<[number, number]>);
    await cdp.detach();
    return attributeLongTasks(profile, tasks, markedAt, moduleOf, top);
  };
}

function attributeLongTasks(profile: Profile & { startTime: number }, tasks: ReadonlyArray<[number, number]>, markedAt: number, moduleOf: ModuleOf, top: number): LongTaskProfile[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let clock = profile.startTime / 1000;
  const times = deltas.map((delta) => (clock += delta / 1000));
  const stack = (id: number): ProfileNode[] => {
    const frames: ProfileNode[] = [];
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) frames.push(byId.get(node) as ProfileNode);
    return frames;
  };
  const marker = samples.findIndex((id) => stack(id).some((node) => node.callFrame.functionName === 'benchProfileMarker'));
  // Profile ms = page ms + offset; without the marker, the profile's start is close enough.
  const offset = (marker >= 0 ? (times[marker] as number) : profile.startTime / 1000) - markedAt;
  const round = (value: number) => Math.round(value * 10) / 10;
  return tasks.map(([start, duration]) => {
    const inclusive = new Map<string, number>();
    samples.forEach((id, i) => {
      const at = (times[i] as number) - offset;
      if (at < start || at > start + duration) return;
      const names = new Set(stack(id).map((node) => describe(node, moduleOf).name));
      names.delete('(root)');
      for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
    });
    const ranked = [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
    return { ms: round(duration), functions: ranked.map(([name, ms]) => ({ function: name, ms: round(ms), share: Math.round((ms / duration) * 1000) / 1000 })) };
  });
}
