// Every English word the widget shows. A translation is a copy of this file with the same keys.

/** The widget's strings; functions take the values they need. */
export const en = {
  heading: 'Comments',
  pageComments: 'On this page',
  orphanedHeading: 'Comments on text that has changed',
  orphanedNote: 'The passage these comments point at is no longer on the page.',
  onQuote: (quote: string) => `On “${quote}”`,
  noComments: 'No comments yet.',
  markerLabel: (count: number) => (count === 0 ? 'Comment on this passage' : count === 1 ? '1 comment on this passage' : `${count} comments on this passage`),
  commentOnSelection: 'Comment on selection',
  nameLabel: 'Your name',
  bodyLabel: 'Comment (markdown)',
  replyBodyLabel: 'Reply (markdown)',
  post: 'Post comment',
  postReply: 'Post reply',
  reply: 'Reply',
  cancel: 'Cancel',
  retract: 'Retract',
  confirmRetract: 'Retract this comment? Replies stay.',
  savedOnDevice: 'saved on this device',
  published: 'published',
  setAside: 'not published',
  refusedBecause: (reason: string) => `The comment server refused this for good: ${reason}. It stays on this device only; nothing else waits on it.`,
  discard: 'Discard',
  retractionPending: 'retraction saved on this device',
  retracted: 'retracted by the author',
  removed: 'removed by a moderator',
  needName: 'Please give a name.',
  needBody: 'Please write a comment.',
  tooLong: (max: number) => `A comment may be at most ${max} characters.`,
  tooManyPending: (max: number) =>
    `${max} of your comments are still waiting to be published. Your text is kept here; post it once they are.`,
  noRemote: 'Comments are not set up for this page (no remote).',
  loading: 'Loading comments…',
  storageFailed: (reason: string) => `Comments cannot be stored in this browser: ${reason}`,
  syncing: 'Publishing…',
  pendingCount: (count: number) => (count === 1 ? '1 comment saved on this device, waiting to be published.' : `${count} comments saved on this device, waiting to be published.`),
  offline: 'You are offline. Your comments are saved on this device and will be published when you are back online.',
  rateLimited: 'The comment server asks us to slow down. Your comments are saved on this device and will be published shortly.',
  serverError: (status: number) => `The comment server failed (HTTP ${status}). Your comments are saved on this device; we will try again.`,
  rejected: (reason: string) => `The comment server refused the comment: ${reason}. It is kept on this device.`,
  syncFailed: (reason: string) => `Could not publish: ${reason}. Your comments are saved on this device; we will try again.`,
  retryIn: (seconds: number) => `Trying again in ${seconds} s.`,
} as const;

/** The shape every translation has. */
export type Strings = { readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };
