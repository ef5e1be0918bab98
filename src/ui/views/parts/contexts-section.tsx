import { createRecord, quoteName, type ContextRecord } from '../../../model/index.ts';
import { DraftMark, useDraftWaiting } from '../../drafts/index.ts';
import { InlineNameForm } from './inline-name-form.tsx';
import { RecordButton } from './record-button.tsx';
import { useInlineForm } from './use-inline-form.ts';
import { newId, type Run } from './use-run.ts';

const DRAFT_KEY = 'add-context';

/** The contexts (where or with what an action can be done), and a form to add one (its button marked while a draft of it waits). */
export function ContextsSection({ contexts, run, select, selectedId }: { contexts: ContextRecord[]; run: Run; select: (id: string) => void; selectedId: string | undefined }) {
  const { opened: adding, toggle, close } = useInlineForm<true>();
  const drafted = useDraftWaiting(DRAFT_KEY) && !adding;
  const add = (name: string): Promise<boolean> => run((s) => createRecord(s, { kind: 'context', name }, new Date(), newId), `Added context ${quoteName(name)}.`);
  return (
    <section className="contexts" aria-labelledby="contexts-title">
      <div className="section-head">
        <h2 id="contexts-title" className="group-title">
          Contexts
        </h2>
        <button type="button" className="button small" aria-expanded={adding === true} onClick={(event) => toggle(true, event.currentTarget)}>
          Add context
          <DraftMark waiting={drafted} />
        </button>
      </div>
      {adding && <InlineNameForm title="Add a context" draftKey={DRAFT_KEY} onSubmit={add} onCancel={close} autoFocus />}
      {contexts.length === 0 ? (
        <p className="muted">No contexts yet: add places or tools such as @home, @phone or @computer.</p>
      ) : (
        <ul className="chip-list">
          {contexts.map((context) => (
            <li key={context.id}>
              <RecordButton record={context} select={select} selectedId={selectedId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
