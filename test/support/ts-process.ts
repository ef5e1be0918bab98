// A TypeScript entry point run in a Node process of its own, as `npm run …` runs it, with tsx's
// loader in that process rather than tsx's CLI in front of it. The CLI relays SIGTERM to its child
// and, when the child has not answered within 30 ms (as on a loaded machine), kills it and exits
// with 143: a test that a server stops cleanly on SIGTERM then failed by the machine's load.
import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';

/** Starts `node --import tsx <script> ...args`; `options.cwd` must see tsx in its node_modules. */
export function spawnTypeScript(script: string, args: readonly string[], options: SpawnOptionsWithoutStdio): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], options);
}
