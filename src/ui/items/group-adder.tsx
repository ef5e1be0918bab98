import { createRecord, quoteName, type Adder } from '../../model/index.ts';
import { DraftMark, draftLabel, useDraftWaiting } from '../drafts/index.ts';
import { InlineNameForm } from '../views/parts/inline-name-form.tsx';
import { useInlineForm } from '../views/parts/use-inline-form.ts';
import { newId, type Run } from '../views/parts/use-run.ts';

/**
 * The "+" of a group and the one-line form it opens: what is added gets the group's state and
 * place. The form stays open for the next one; Escape or Cancel closes it, back on the "+",
 * which carries a dot (and says "(draft)") while what was typed in it waits.
 */
export function useGroupAdder(adder: Adder | undefined, title: string, draftKey: string, run: Run) {
  const { opened: adding, toggle, close } = useInlineForm<true>(); // closing, the focus goes back to the "+"
  const drafted = useDraftWaiting(draftKey) && !adding;
  const add = (name: string): Promise<boolean> =>
    adder ? run((s) => createRecord(s, { ...adder, name }, new Date(), newId), `Added ${quoteName(name.trim())} to ${title.toLowerCase()}.`) : Promise.resolve(false);
  const button = adder && (
    <button type="button" className="icon-button small" aria-expanded={adding === true} aria-label={draftLabel(`Add to ${title}`, drafted)} title={draftLabel(`Add to ${title}`, drafted)} onClick={(event) => toggle(true, event.currentTarget)}>
      <span aria-hidden="true">+</span>
      <DraftMark waiting={drafted} icon />
    </button>
  );
  const form = adding && adder && <InlineNameForm title={`Add to ${title}`} draftKey={draftKey} autoFocus onSubmit={add} onCancel={close} />;
  return { button, form };
}
