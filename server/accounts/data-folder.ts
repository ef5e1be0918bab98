// The data folder of a server with accounts: everything it keeps, in one place to back up.
//   <data>/tokens.json               device tokens, as hashes (mode 0600)
//   <data>/repos/<user>/<repo>.git   each user's bare repositories
//   <data>/comments/<name>.git       comment repositories, when the server is a comment remote
// A repository is backed up with `git clone --mirror`, or the folder copied while the server is
// stopped.
import { join, resolve } from 'node:path';

/** The paths of a data folder. */
export interface DataFolder {
  root: string;
  tokens: string;
  repos: string;
  comments: string;
}

/** The paths of the data folder at `root`. */
export function dataFolder(root: string): DataFolder {
  const absolute = resolve(root);
  return { root: absolute, tokens: join(absolute, 'tokens.json'), repos: join(absolute, 'repos'), comments: join(absolute, 'comments') };
}
