/**
 * Accounts of the production server: users' repositories at `/<user>/<repo>.git`, opened by
 * device tokens (made by a command, shown once, stored as hashes, listable and revocable), the
 * data folder's layout, and the commands that manage them.
 */
export { createAccountRepos } from './account-repos.ts';
export type { AccountReposOptions } from './account-repos.ts';
export { addRepo, addToken, listRepos, listTokens, revokeToken } from './commands.ts';
export { dataFolder } from './data-folder.ts';
export type { DataFolder } from './data-folder.ts';
export { DeviceTokens } from './device-tokens.ts';
export type { TokenRecord } from './device-tokens.ts';
export { AccountCommandError, TokenFileError } from './errors.ts';
export { isRepoName, isUserName, parseAccountRepoPath } from './names.ts';
