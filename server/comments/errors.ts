// Errors of the comment remote's server side, each with a stable `code` and its facts in `data`.
import { ServerError } from '../errors.ts';

/** The comment options given to the server cannot work. */
export class CommentConfigError extends ServerError {
  readonly code = 'COMMENT_CONFIG';
  constructor(readonly data: { problem: string }) {
    super(`Comment remote configuration: ${data.problem}.`);
  }
}

/** A push to the mirror failed; it is tried again after the next accepted push. */
export class MirrorError extends ServerError {
  readonly code = 'MIRROR_FAILED';
  constructor(readonly data: { repo: string; mirror: string; detail: string }) {
    super(`Could not mirror ${data.repo}.git to ${data.mirror}: ${data.detail} (tried again after the next push).`);
  }
}

/** A moderation command could not be carried out. */
export class ModerationError extends ServerError {
  readonly code = 'MODERATION_FAILED';
  constructor(readonly data: { action: string; id: string; detail: string }) {
    super(`Could not ${data.action} comment ${data.id}: ${data.detail}`);
  }
}
