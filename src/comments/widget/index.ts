/** The widget's DOM: the `<git-comments>` element and what it places in the host page. */
export { GitCommentsElement, defineGitComments } from './git-comments-element.ts';
export { DEFAULT_CONFIG_KEY, resolveRemote } from './resolve-remote.ts';
export type { RemoteAttributes } from './resolve-remote.ts';
