// One long-lived `git cat-file --batch-command` per comment repository: object types and sizes
// (`info`) and contents (`read`) over a single process, whatever the number of objects read.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** An object's type and size, or `undefined` when the name resolves to nothing. */
export type ObjectInfo = { oid: string; type: string; size: number } | undefined;

/** Reads objects of the repository the process runs in. */
export interface ObjectReader {
  /** Type and size of an object name (`<oid>`, `<rev>^{tree}`, `<rev>:<path>`). */
  info(name: string): Promise<ObjectInfo>;
  /** The type and bytes of an object, or `undefined` when it is missing. */
  read(oid: string): Promise<{ type: string; content: Uint8Array } | undefined>;
  close(): void;
}

interface Pending {
  withContents: boolean;
  done: (value: { info: ObjectInfo; bytes: Uint8Array | undefined }) => void;
  fail: (error: Error) => void;
}

/** Starts `git cat-file --batch-command` in `cwd` with `env`. */
export function openObjectReader(cwd: string, env: NodeJS.ProcessEnv): ObjectReader {
  const child: ChildProcessWithoutNullStreams = spawn('git', ['cat-file', '--batch-command'], { cwd, env });
  const queue: Pending[] = [];
  let buffered = Buffer.alloc(0);
  let stderr = '';
  const failAll = (error: Error) => {
    for (const pending of queue.splice(0)) pending.fail(error);
  };
  const drain = () => {
    while (queue.length > 0) {
      const pending = queue[0] as Pending;
      const newline = buffered.indexOf(0x0a);
      if (newline < 0) return;
      const header = buffered.subarray(0, newline).toString('utf8');
      const parts = header.split(' ');
      const info: ObjectInfo = parts.length === 3 && parts[1] !== 'missing' ? { oid: parts[0] ?? '', type: parts[1] ?? '', size: Number(parts[2]) } : undefined;
      let bytes: Uint8Array | undefined;
      let used = newline + 1;
      if (pending.withContents && info !== undefined) {
        if (buffered.length < used + info.size + 1) return;
        bytes = Uint8Array.from(buffered.subarray(used, used + info.size));
        used += info.size + 1;
      }
      buffered = buffered.subarray(used);
      queue.shift();
      pending.done({ info, bytes });
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    drain();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr += text));
  child.on('error', failAll);
  child.on('close', () => failAll(new Error(`git cat-file ended early${stderr ? `: ${stderr.trim()}` : ''}`)));
  child.stdin.on('error', () => undefined);
  // The commands asked in one turn of the event loop go in one write: when a crowd's pushes
  // are judged at once, cat-file is woken once for all of them, not once per push.
  let unsent: string[] = [];
  const send = () => {
    const lines = unsent;
    unsent = [];
    child.stdin.write(`${lines.join('\n')}\n`);
  };
  const ask = (command: string, withContents: boolean) =>
    new Promise<{ info: ObjectInfo; bytes: Uint8Array | undefined }>((done, fail) => {
      if (/[\n\0]/.test(command)) {
        fail(new Error(`not an object name: ${JSON.stringify(command)}`));
        return;
      }
      queue.push({ withContents, done, fail });
      unsent.push(command);
      if (unsent.length === 1) setImmediate(send);
    });
  return {
    info: async (name) => (await ask(`info ${name}`, false)).info,
    read: async (oid) => {
      const { info, bytes } = await ask(`contents ${oid}`, true);
      return info === undefined || bytes === undefined ? undefined : { type: info.type, content: bytes };
    },
    close: () => child.stdin.end(),
  };
}
