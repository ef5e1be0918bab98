// The CPU a tree of processes spent, from /proc (Linux): the comments bench reads the browser's
// processes (by kind: browser, renderer, utility...) before and after a crowd posts.
import { readFileSync, readdirSync } from 'node:fs';

/** The kind of a Chromium process, from its command line: `browser`, `renderer`, `utility` (network, storage), `gpu-process`... */
function processKind(pid: number): string {
  try {
    return /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
  } catch {
    return 'gone';
  }
}

/** CPU (user + system, ms) of every live process below `root` except the subtree of `except`, by process kind: the browser's processes. */
export function descendantsCpuMs(root: number, except: number | undefined): Map<string, number> {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      parent.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12])) * 10); // utime, stime in 1/100 s
    } catch {
      // the process ended meanwhile
    }
  }
  const below = (pid: number): boolean => {
    for (let at = parent.get(pid); at !== undefined && at > 1; at = parent.get(at)) {
      if (at === except) return false;
      if (at === root) return true;
    }
    return false;
  };
  const byKind = new Map<string, number>();
  for (const [pid, ms] of cpu) {
    if (pid === except || !below(pid)) continue;
    const kind = processKind(pid);
    byKind.set(kind, (byKind.get(kind) ?? 0) + ms);
  }
  return byKind;
}

/** `after - before` per kind, and the total. */
export function cpuSince(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  for (const [kind, ms] of after) byKind[kind] = ms - (before.get(kind) ?? 0);
  return { total: Object.values(byKind).reduce((sum, ms) => sum + ms, 0), byKind };
}
