import type { ActionRecord } from '../../../model/index.ts';
import { InboxItem, type InboxItemContext } from './inbox-item.tsx';

/** The inbox: everything captured and not yet clarified, each with its quick actions. */
export function InboxList({ inbox, ...ctx }: InboxItemContext & { inbox: ActionRecord[] }) {
  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title" className="group-title">
        Inbox <span className="count-badge">{inbox.length}</span>
      </h2>
      {inbox.length === 0 ? (
        <p className="empty-note">
          The inbox is empty. Capture anything with the search box (press <kbd>/</kbd>, type, then Enter).
        </p>
      ) : (
        <ul className="inbox-list action-list">
          {inbox.map((action) => (
            <InboxItem key={action.id} action={action} {...ctx} />
          ))}
        </ul>
      )}
    </section>
  );
}
