import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { completeAction, quoteName, updateRecord, type AnyRecord, type Day, type RecordPatch, type Snapshot } from '../../model/index.ts';
import { isTypingTarget } from '../shortcuts.ts';
import { ActionMeta } from '../views/parts/action-meta.tsx';
import { DoneCheckbox } from '../views/parts/done-checkbox.tsx';
import { StarButton } from '../views/parts/star-button.tsx';
import type { Run } from '../views/parts/use-run.ts';
import { focusRow, focusRowBeside, focusTargetOf, keepFocusNear } from './focus-rows.ts';
import { RowPopover, type RowQuestion } from './row-popover.tsx';
import { rowCommandOf, type RowCommand } from './row-shortcuts.ts';
import { actionToggleState, PROJECT_TOGGLES, StateToggles, type Toggle } from './state-toggles.tsx';
import '../styles/pages.css';

/** What a row needs from its list. */
export interface ItemRowProps {
  snapshot: Snapshot;
  today: Day;
  run: Run;
  select: (id: string) => void;
  selectedId: string | undefined;
}

/** Where a row sits in its whole list, for a list that draws only some of its rows (screen readers say "3 of 40"). */
export interface RowPosition {
  /** 1-based. */
  index: number;
  size: number;
}

/**
 * One record in a list: for an action its Done box, state toggles (n w f), star, name and small
 * print; for a project its toggles (a sm), Done, star and name; for anything else its name.
 * With the focus on its name, the row keys (row-shortcuts.ts) act on it: j/k move along the
 * rows, x completes, s stars, n/w/d/f set the state, m moves, c sets the context; the ones that
 * need an answer open a small form under the row. When a change takes the row away (a
 * next action leaving the inbox), the focus goes to the row that took its place. `meta` is
 * more small print; `children` goes under the row (its forms). `position` says where the row
 * sits in a list that draws only some of its rows.
 */
export function ItemRow({ record, meta, children, position, ...props }: ItemRowProps & { record: AnyRecord; meta?: ReactNode; children?: ReactNode; position?: RowPosition }) {
  const [question, setQuestion] = useState<RowQuestion>();
  const ref = useRef<HTMLLIElement>(null);
  const { run, snapshot } = props;
  const patch = (change: RecordPatch, words: string): Promise<boolean> => {
    if (ref.current) keepFocusNear(ref.current, record.id);
    return run((s) => updateRecord(s, record.id, change, new Date()), `${quoteName(record.name)}: ${words}.`);
  };
  const close = (): void => {
    setQuestion(undefined);
    requestAnimationFrame(() => ref.current && focusRow(ref.current.parentElement ?? document, record.id));
  };
  const toggles = togglesOf(record, props.today, patch, setQuestion);
  const perform = (command: RowCommand): boolean => {
    const row = ref.current;
    if (!row) return false;
    if (['done', 'star', 'next', 'future'].includes(command)) keepFocusNear(row, record.id);
    switch (command) {
      case 'down':
      case 'up':
        focusRowBeside(row, command === 'down' ? 1 : -1);
        return true;
      case 'open':
        props.select(record.id);
        return true;
      case 'star':
        void run((s) => updateRecord(s, record.id, { starred: record.starred !== true }, new Date()));
        return true;
      case 'done':
        return completeOrReopen(record, run);
      case 'next':
      case 'future':
        return pressToggle(toggles, command === 'next' ? ['n', 'a'] : ['f', 'sm']);
      case 'waiting':
      case 'schedule':
        if (record.kind !== 'action') return false;
        setQuestion(command);
        return true;
      case 'move':
        if (record.kind === 'contact' || record.kind === 'context') return false;
        setQuestion('move');
        return true;
      case 'context':
        if (record.kind !== 'action') return false;
        setQuestion('context');
        return true;
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>): void => {
    if (event.defaultPrevented || isTypingTarget(event.target) || (event.target as Element).closest('.row-popover')) return;
    const command = rowCommandOf(event);
    // Enter on the name button opens it natively; on the other controls it is theirs.
    if (command === undefined || (command === 'open' && event.target !== focusTargetOf(event.currentTarget))) return;
    if (perform(command)) event.preventDefault();
  };
  const kind = record.kind;
  return (
    <li ref={ref} data-row-id={record.id} className={`action-row item-row kind-${kind}${record.id === props.selectedId ? ' selected' : ''}${'state' in record && record.state === 'done' ? ' is-done' : ''}`} onKeyDown={onKeyDown} aria-posinset={position?.index} aria-setsize={position?.size}>
      <span className="row-controls">
        {kind === 'action' && <DoneCheckbox action={record} run={run} />}
        {toggles.length > 0 && <StateToggles name={record.name} toggles={toggles} />}
        {(kind === 'action' || kind === 'project') && <StarButton record={record} run={run} />}
      </span>
      <span className="action-text">
        <button type="button" data-row-focus className="record-name" aria-current={record.id === props.selectedId ? 'true' : undefined} onClick={() => props.select(record.id)}>
          {record.name}
        </button>
        {kind === 'action' && <ActionMeta action={record} snapshot={snapshot} today={props.today} />}
        {meta}
      </span>
      {children}
      {question && (
        <RowPopover
          question={question}
          record={record.kind === 'action' ? record : { id: record.id, name: record.name, kind: record.kind === 'project' ? 'project' : 'area', parent: 'parent' in record ? record.parent : undefined }}
          snapshot={snapshot}
          today={props.today}
          onAnswer={patch}
          onClose={close}
        />
      )}
    </li>
  );
}

function togglesOf(record: AnyRecord, today: Day, patch: (change: RecordPatch, words: string) => Promise<boolean>, ask: (question: RowQuestion) => void): Toggle[] {
  if (record.kind === 'action') {
    const on = actionToggleState(record);
    const due = record.state === 'scheduled' && (record.waitUntil === undefined || record.waitUntil <= today);
    return [
      { letter: 'n', label: 'Next', active: on === 'next', onPress: () => void patch({ state: 'next' }, 'next action') },
      { letter: 'w', label: 'Waiting…', active: on === 'waiting', alert: due, onPress: () => ask('waiting') },
      { letter: 'f', label: 'Future', active: on === 'future', onPress: () => void patch({ state: 'future' }, 'future') },
    ];
  }
  if (record.kind === 'project') {
    return PROJECT_TOGGLES.map(({ state, letter, label }) => ({ letter, label, active: record.state === state, onPress: () => void patch({ state }, label.toLowerCase()) }));
  }
  return [];
}

function pressToggle(toggles: readonly Toggle[], letters: readonly string[]): boolean {
  const toggle = toggles.find((each) => letters.includes(each.letter));
  toggle?.onPress();
  return toggle !== undefined;
}

/** `x`: completes an action or project, or reopens a done one. */
function completeOrReopen(record: AnyRecord, run: Run): boolean {
  if (record.kind === 'action') {
    if (record.state === 'done') void run((s) => updateRecord(s, record.id, { state: 'next' }, new Date()), `${quoteName(record.name)} is a next action again.`);
    else void run((s) => completeAction(s, record.id, new Date()));
    return true;
  }
  if (record.kind === 'project') {
    void run((s) => updateRecord(s, record.id, { state: record.state === 'done' ? 'active' : 'done' }, new Date()));
    return true;
  }
  return false;
}
