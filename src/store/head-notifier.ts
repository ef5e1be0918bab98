import type { Backend } from './backend/index.ts';
import type { Oid } from './oid.ts';

type Listener = (head: Oid) => void;

interface Subscription {
  ref: string;
  listener: Listener;
  last: Oid | undefined;
}

/**
 * Tells watchers when a branch head moves, in this tab and in others. Other tabs learn of a
 * move through a BroadcastChannel (no polling); a message is only a hint, so the head is read
 * again from the backend before anyone is told, and each watcher hears each new head once.
 * It also remembers the last head this handle saw of each ref, until another handle says it
 * moved one: a blind write starts from there without a transaction to read it (compare-and-set
 * still refuses a head that is not current, and that write is then built again on the head).
 */
export class HeadNotifier {
  private readonly subscriptions = new Set<Subscription>();
  private readonly channel: BroadcastChannel | undefined;
  private readonly lastSeen = new Map<string, Oid | undefined>();

  constructor(
    channelName: string,
    private readonly backend: Backend,
  ) {
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = (event: MessageEvent<{ ref?: unknown }>) => {
        if (typeof event.data?.ref !== 'string') return;
        this.lastSeen.delete(event.data.ref);
        void this.refresh(event.data.ref);
      };
      // In Node an open channel would keep the process alive.
      (this.channel as { unref?: () => void }).unref?.();
    }
  }

  /** Calls `listener` with each new head of `ref`; the head at subscription counts as seen. */
  subscribe(ref: string, listener: Listener): () => void {
    const subscription: Subscription = { ref, listener, last: undefined };
    this.subscriptions.add(subscription);
    void this.backend
      .getRef(ref)
      .then((head) => {
        subscription.last ??= head;
      })
      .catch(() => undefined);
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  /** This tab moved `ref` to `head`: tell local watchers now and other tabs by message. */
  announce(ref: string, head: Oid): void {
    this.lastSeen.set(ref, head);
    this.deliver(ref, head);
    this.channel?.postMessage({ ref, head });
  }

  /**
   * The head of `ref` as this handle last saw it, if no other handle has said since that it moved
   * it (`{ head: undefined }`: the ref did not exist); `undefined` when unknown.
   */
  lastHead(ref: string): { head: Oid | undefined } | undefined {
    return this.lastSeen.has(ref) ? { head: this.lastSeen.get(ref) } : undefined;
  }

  /** Remembers `head` as read from the backend (see {@link lastHead}); `forget` drops it. */
  saw(ref: string, head: Oid | undefined): void {
    this.lastSeen.set(ref, head);
  }

  forget(ref: string): void {
    this.lastSeen.delete(ref);
  }

  close(): void {
    this.subscriptions.clear();
    this.channel?.close();
  }

  private async refresh(ref: string): Promise<void> {
    if (![...this.subscriptions].some((s) => s.ref === ref)) return;
    const head = await this.backend.getRef(ref).catch(() => undefined);
    if (head !== undefined) this.deliver(ref, head);
  }

  private deliver(ref: string, head: Oid): void {
    for (const subscription of this.subscriptions) {
      if (subscription.ref !== ref || subscription.last === head) continue;
      subscription.last = head;
      try {
        subscription.listener(head);
      } catch (error) {
        // One failing watcher must not stop the others from hearing of the change.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
