// Makes a bare repository a comment repository: git's http-backend may only serve fetches of it
// (the server receives pushes itself), over smart HTTP, of advertised objects only.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['http.receivepack', 'false'],
  ['http.getanyfile', 'false'],
  ['uploadpack.allowAnySHA1InWant', 'false'],
  ['uploadpack.allowReachableSHA1InWant', 'false'],
  ['uploadpack.allowTipSHA1InWant', 'false'],
  ['uploadpack.allowFilter', 'false'],
  ['protocol.version', '0'],
];

/** Configures the bare repository `dir`; safe to run again. Removes the hook of earlier versions. */
export async function setUpCommentRepo(dir: string): Promise<void> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (const [key, value] of CONFIG) await run('git', ['-C', dir, 'config', key, value], { env });
  await rm(join(dir, 'hooks', 'pre-receive'), { force: true });
  await rm(join(dir, 'hooks', 'pre-receive.mjs'), { force: true });
}
