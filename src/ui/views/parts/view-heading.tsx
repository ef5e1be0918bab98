import type { ReactNode } from 'react';
import '../../styles/views.css';

/** A view's title (the `h1` the shell's tests and the skip link look for), its purpose, and tools beside it. */
export function ViewHeading({ title, purpose, children }: { title: string; purpose?: string; children?: ReactNode }) {
  return (
    <header className="view-head">
      <div>
        <h1 id="view-title" className="view-title">
          {title}
        </h1>
        {purpose && <p className="muted view-purpose">{purpose}</p>}
      </div>
      {children && <div className="view-tools">{children}</div>}
    </header>
  );
}
