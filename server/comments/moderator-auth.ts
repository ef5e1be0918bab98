// The moderator's HTTP Basic credentials, checked in constant time. Anything else a client sends
// as a user name is never passed on.
import { createHash, timingSafeEqual } from 'node:crypto';

/** The moderator's user name and password, as given to the server. */
export interface ModeratorCredentials {
  username: string;
  password: string;
}

/** Who a request comes from: nobody named, the moderator, or someone with wrong credentials. */
export type Caller = { kind: 'anonymous' } | { kind: 'moderator'; username: string } | { kind: 'refused' };

/** Judges a request's `Authorization` header against the moderator's credentials. */
export function identifyCaller(authorization: string | undefined, moderator: ModeratorCredentials | undefined): Caller {
  if (authorization === undefined || authorization === '') return { kind: 'anonymous' };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match?.[1] || moderator === undefined) return { kind: 'refused' };
  const given = Buffer.from(match[1], 'base64').toString('utf8');
  const expected = `${moderator.username}:${moderator.password}`;
  return sameText(given, expected) ? { kind: 'moderator', username: moderator.username } : { kind: 'refused' };
}

function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
