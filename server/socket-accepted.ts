// When each connection was accepted and how many requests it has carried, for the timings a
// server reports of a request (the comment remote's push timeline): a request on a new connection
// waited for the accept, one on a kept-alive connection did not.
import type { Socket } from 'node:net';

interface SocketUse {
  /** Epoch ms (sub-millisecond) of the accept. */
  accepted: number;
  requests: number;
}

const uses = new WeakMap<Socket, SocketUse>();

/** Epoch milliseconds with the monotonic clock's precision. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Notes `socket` accepted now (a server's `connection` listener). */
export function noteAccepted(socket: Socket): void {
  uses.set(socket, { accepted: epochNow(), requests: 0 });
}

/** Counts a request on `socket`: when its connection was accepted and whether it carried one before (undefined: not noted). */
export function noteRequest(socket: Socket): { accepted: number; reused: boolean } | undefined {
  const use = uses.get(socket);
  if (use === undefined) return undefined;
  use.requests++;
  return { accepted: use.accepted, reused: use.requests > 1 };
}
