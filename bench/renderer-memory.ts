// Peak memory of Chromium's renderer processes (where a page and its workers live), sampled from
// /proc every 50 ms while a measured operation runs: the resident set, as the system counts it,
// not just the JavaScript heap. Linux only; elsewhere the figures are absent.
import { readdirSync, readFileSync } from 'node:fs';

/** Peak and starting resident memory of the renderers, in bytes. */
export interface MemoryPeak {
  startBytes: number;
  peakBytes: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function processes(): Array<{ pid: number; parent: number; cmdline: string }> {
  const out: Array<{ pid: number; parent: number; cmdline: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const cmdline = read(`/proc/${entry}/cmdline`);
    if (stat === undefined || cmdline === undefined) continue;
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    out.push({ pid: Number(entry), parent, cmdline: cmdline.replaceAll('\0', ' ') });
  }
  return out;
}

/** Every process below `root`. */
function descendants(root: number): Array<{ pid: number; cmdline: string }> {
  const all = processes();
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { pid, parent } of all) {
      if (below.has(parent) && !below.has(pid)) {
        below.add(pid);
        grew = true;
      }
    }
  }
  return all.filter(({ pid }) => below.has(pid) && pid !== root);
}

/** The newest Chromium this process launched (Playwright drives it over a pipe), or undefined off Linux. */
export function launchedBrowserPid(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  const browsers = descendants(process.pid).filter(({ cmdline }) => cmdline.includes('--remote-debugging-pipe') && !cmdline.includes('--type='));
  return browsers.at(-1)?.pid;
}

/** The renderer processes below `root`. */
function rendererPids(root: number): number[] {
  return descendants(root).filter(({ cmdline }) => cmdline.includes('--type=renderer')).map(({ pid }) => pid);
}

function residentBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) total += Number(/VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '')?.[1] ?? 0) * 1024;
  return total;
}

/** Samples the renderers below `browserPid` until the returned function is called. */
export function sampleRendererMemory(browserPid: number | undefined): () => MemoryPeak | undefined {
  if (browserPid === undefined || process.platform !== 'linux') return () => undefined;
  const pids = rendererPids(browserPid);
  const startBytes = residentBytes(pids);
  let peakBytes = startBytes;
  const timer = setInterval(() => (peakBytes = Math.max(peakBytes, residentBytes(pids))), 50);
  return () => {
    clearInterval(timer);
    peakBytes = Math.max(peakBytes, residentBytes(pids));
    return { startBytes, peakBytes };
  };
}

/**
 * User + system CPU time of the browser and every process below it so far, in ms (Linux only):
 * what a first sync costs in work, which a loaded machine hardly moves, where wall clocks swing.
 */
export function browserCpuMs(browserPid: number | undefined): number | undefined {
  if (browserPid === undefined || process.platform !== 'linux') return undefined;
  let ticks = 0;
  for (const pid of [browserPid, ...descendants(browserPid).map(({ pid }) => pid)]) {
    const stat = read(`/proc/${pid}/stat`);
    if (stat === undefined) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime and stime, in 1/100 s
  }
  return ticks * 10;
}

/** CPU one thread of Chromium spent over a sampled span, ms. */
export interface ThreadCpu {
  /** The process's kind (`browser`, `renderer`, `gpu-process`, `utility`…) and the thread's name. */
  thread: string;
  ms: number;
  /**
   * Pages it touched first (minor faults): fresh memory, which cost ~12 us a page (3 ms per MB)
   * on the bench's VM, a large part of a first sync's CPU.
   */
  freshPages: number;
}

function processKind(cmdline: string): string {
  return /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
}

/** A thread's name, its CPU (1/100 s) and its minor faults so far. */
interface ThreadCount {
  name: string;
  ticks: number;
  faults: number;
}

function threadTicks(pid: number): Map<number, ThreadCount> {
  const out = new Map<number, ThreadCount>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const stat = read(`/proc/${pid}/task/${tid}/stat`);
    if (stat === undefined) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Time on the CPU in ns (schedstat) where the kernel keeps it, else utime + stime in 1/100 s.
    const ns = Number(read(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0]);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), { name, ticks: ns > 0 ? ns / 1e7 : Number(fields[11]) + Number(fields[12]), faults: Number(fields[7]) });
  }
  return out;
}

/**
 * Samples every thread of the browser and the processes below it every 50 ms until the returned
 * function is called, which gives each thread's CPU over the span, busiest first (Linux only).
 * Sampled, not read once at the end: a worker's thread is gone from /proc once the worker ends.
 */
export function sampleThreadCpu(browserPid: number | undefined): () => ThreadCpu[] {
  if (browserPid === undefined || process.platform !== 'linux') return () => [];
  const owners = [{ pid: browserPid, kind: 'browser' }, ...descendants(browserPid).map(({ pid, cmdline }) => ({ pid, kind: processKind(cmdline) }))];
  const first = new Map<string, ThreadCount>();
  const last = new Map<string, ThreadCount & { thread: string }>();
  const sample = (): void => {
    for (const { pid, kind } of owners) {
      for (const [tid, count] of threadTicks(pid)) {
        const key = `${pid}/${tid}`;
        if (!first.has(key)) first.set(key, count);
        last.set(key, { ...count, thread: `${kind} ${count.name}` });
      }
    }
  };
  sample();
  const started = new Set(first.keys());
  const timer = setInterval(sample, 50);
  return () => {
    clearInterval(timer);
    sample();
    const out: ThreadCpu[] = [];
    for (const [key, { thread, ticks, faults }] of last) {
      // A thread born during the span counts from zero.
      const from = started.has(key) ? first.get(key) : undefined;
      if (ticks > (from?.ticks ?? 0)) out.push({ thread, ms: Math.round((ticks - (from?.ticks ?? 0)) * 10), freshPages: faults - (from?.faults ?? 0) });
    }
    return out.sort((a, b) => b.ms - a.ms);
  };
}

/** `threads` as the bench prints them: each thread's CPU and the fresh pages it touched. */
export function describeThreads(threads: readonly ThreadCpu[]): string {
  return threads.map(({ thread, ms, freshPages }) => `${thread} ${ms} ms (${freshPages} fresh pages)`).join(', ');
}
