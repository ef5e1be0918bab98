// The account commands of `npm run taskgit`: device tokens (add, list, revoke) and repositories
// (add, list). Each returns the text to print; a bad name or id throws AccountCommandError.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRepoProvisioner } from '../bare-repos.ts';
import { DeviceTokens } from './device-tokens.ts';
import { dataFolder } from './data-folder.ts';
import { AccountCommandError } from './errors.ts';
import { isRepoName, isUserName, NAME_RULES } from './names.ts';

/** Makes a token for `device` of `user`, printed once. */
export async function addToken(data: string, user: string, device: string): Promise<string> {
  checkUser(user);
  const name = device.trim();
  if (!/^[\x20-\x7e]{1,100}$/.test(name)) throw new AccountCommandError({ problem: 'a device name is 1 to 100 printable ASCII characters, e.g. "laptop" or "phone"' });
  const { token, record } = await new DeviceTokens(dataFolder(data).tokens).add(user, name);
  return [
    `Token ${record.id} for ${user} on "${name}" (shown this once; the server keeps only its hash):`,
    '',
    `  ${token}`,
    '',
    `In the app's Sync settings: user name ${user}, this token as the token. With git: git clone https://${user}@<server>/${user}/<repo>.git`,
    '',
  ].join('\n');
}

/** Lists the tokens: id, user, device, when made. */
export async function listTokens(data: string): Promise<string> {
  const records = await new DeviceTokens(dataFolder(data).tokens).list();
  if (records.length === 0) return 'No device tokens yet: npm run taskgit -- token add <user> <device>\n';
  const rows = records.map((record) => [record.id, record.user, record.device, record.created.slice(0, 16).replace('T', ' ')]);
  return table([['id', 'user', 'device', 'made (UTC)'], ...rows]);
}

/** Revokes the token `id`: the running server refuses it from its next request. */
export async function revokeToken(data: string, id: string): Promise<string> {
  const record = await new DeviceTokens(dataFolder(data).tokens).revoke(id);
  if (!record) throw new AccountCommandError({ problem: `no token ${id}; see npm run taskgit -- token list` });
  return `Revoked token ${record.id} of ${record.user} on "${record.device}".\n`;
}

/** Creates the empty repository `repo` of `user` (a push would create it too). */
export async function addRepo(data: string, user: string, repo: string): Promise<string> {
  checkUser(user);
  const name = repo.replace(/\.git$/, '');
  if (!isRepoName(name)) throw new AccountCommandError({ problem: `"${repo}": ${NAME_RULES.repo}` });
  const { repos } = dataFolder(data);
  await mkdir(repos, { recursive: true });
  await createRepoProvisioner(repos)(`${user}/${name}`);
  return `Created ${user}/${name}.git (empty) in ${join(dataFolder(data).repos, user, `${name}.git`)}.\n`;
}

/** Lists every user's repositories. */
export async function listRepos(data: string): Promise<string> {
  const { repos } = dataFolder(data);
  const rows: string[][] = [];
  for (const user of (await readdir(repos).catch(() => [])).filter(isUserName).sort()) {
    for (const entry of (await readdir(join(repos, user))).filter((name) => name.endsWith('.git')).sort()) rows.push([user, entry]);
  }
  return rows.length === 0 ? 'No repositories yet.\n' : table([['user', 'repository'], ...rows]);
}

function checkUser(user: string): void {
  if (!isUserName(user)) throw new AccountCommandError({ problem: `"${user}": ${NAME_RULES.user}` });
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return `${rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n')}\n`;
}
