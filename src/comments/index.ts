/**
 * The comment widget: `<git-comments>`, a custom element a static site embeds with one script
 * tag. Importing this module registers the element. A reader's comment is committed to a git
 * repository in the browser first (IndexedDB, one database per remote), then published to the
 * comment remote; see the README's "Comment widget" section.
 */
import { defineGitComments } from './widget/index.ts';

export { GitCommentsElement, defineGitComments, DEFAULT_CONFIG_KEY } from './widget/index.ts';
export { en } from './strings/index.ts';
export type { Strings } from './strings/index.ts';
export type { Anchor, Comment, Hiding, Retraction } from './record.ts';

defineGitComments();
