import { useId } from 'react';
import { canConvert, convertItem, type ItemKind, type ItemRecord, type Snapshot } from '../../model/index.ts';
import { CommandError } from './command-error.tsx';
import { useCommand } from './use-command.ts';

const KINDS: readonly ItemKind[] = ['action', 'project', 'area'];

/** "Convert to …" for the two other kinds; one the tree's rules refuse is disabled, with the reason beside it. */
export function ConvertButtons({ snapshot, item }: { snapshot: Snapshot; item: ItemRecord }) {
  const id = useId();
  const { run, error } = useCommand();
  const targets = KINDS.filter((kind) => kind !== item.kind).map((kind) => ({ kind, verdict: canConvert(snapshot, item.id, kind) }));
  return (
    <div className="item-convert">
      <p className="button-row">
        {targets.map(({ kind, verdict }) => (
          <button
            key={kind}
            type="button"
            className="button"
            disabled={!verdict.ok}
            title={verdict.ok ? undefined : verdict.reason}
            aria-describedby={verdict.ok ? undefined : `${id}-${kind}`}
            onClick={() => void run((s) => convertItem(s, item.id, kind, new Date()))}
          >
            Convert to {kind}
          </button>
        ))}
      </p>
      {targets.map(({ kind, verdict }) =>
        verdict.ok ? null : (
          <p key={kind} id={`${id}-${kind}`} className="hint">
            Not to {kind}: {verdict.reason}
          </p>
        ),
      )}
      <CommandError error={error} />
    </div>
  );
}
