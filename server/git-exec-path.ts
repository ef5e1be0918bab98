// Finding `git http-backend`: it lives among git's helper programs, not on PATH.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BackendSpawnError } from './errors.ts';

/** Where git keeps its helper programs, `http-backend` among them. Rejects with {@link BackendSpawnError} when git is missing. */
export async function gitExecPath(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('git', ['--exec-path']);
    return stdout.trim();
  } catch (error) {
    throw new BackendSpawnError({ command: 'git --exec-path' }, { cause: error });
  }
}
