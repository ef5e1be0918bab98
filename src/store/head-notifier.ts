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
 */
export class HeadNotifier {
  private readonly subscriptions = new Set<Subscription>();
  private readonly channel: BroadcastChannel | undefined;

  constructor(
    channelName: string,
    private readonly backend: Backend,
  ) {
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = (event: MessageEvent<{ ref?: unknown }>) => {
        if (typeof event.data?.ref === 'string') void this.refresh(event.data.ref);
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
    this.deliver(ref, head);
    this.channel?.postMessage({ ref, head });
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
