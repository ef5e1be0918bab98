import type { ReactNode } from 'react';
import type { AnyRecord } from '../../model/index.ts';
import { viewInfo, type ViewId } from '../routes.ts';

/** One number a placeholder view shows. */
export interface Count {
  label: string;
  value: number | string;
}

/**
 * A stand-in for a view that is not built yet: its title, its purpose, a few counts from the
 * snapshot and some records to select, clearly marked as the place the real view goes.
 */
export function PlaceholderView(props: { view: ViewId; counts: Count[]; records?: AnyRecord[]; select?: (id: string) => void; children?: ReactNode }) {
  const info = viewInfo(props.view);
  const shown = props.records?.slice(0, 8) ?? [];
  return (
    <section className="view-section" aria-labelledby="view-title" data-view={props.view}>
      <h1 id="view-title" className="view-title">
        {info.label}
      </h1>
      <p className="muted">{info.purpose}.</p>
      <dl className="counts">
        {props.counts.map((count) => (
          <div className="count" key={count.label}>
            <dt>{count.label}</dt>
            <dd>{count.value}</dd>
          </div>
        ))}
      </dl>
      {shown.length > 0 && props.select && (
        <ul className="record-list">
          {shown.map((record) => (
            <li key={record.id}>
              <button type="button" className="record-button" onClick={() => props.select?.(record.id)}>
                {record.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.children}
      <p className="placeholder-note">
        Placeholder: the real {info.label} view goes here (<code>src/ui/views/{props.view}-view.tsx</code>).
      </p>
    </section>
  );
}
