import { hashOf, VIEWS, type ViewId } from '../routes.ts';
import { NavIcon } from './nav-icon.tsx';

/** The views as links; the current one is marked. A bottom bar on narrow screens (layout.css). */
export function Nav({ current }: { current: ViewId }) {
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {VIEWS.map((view, index) => (
          <li key={view.id}>
            <a
              href={hashOf(view.id)}
              aria-current={view.id === current ? 'page' : undefined}
              aria-keyshortcuts={String(index + 1)}
              title={`${view.purpose} (g ${view.key} or ${index + 1})`}
            >
              <NavIcon view={view.id} />
              <span className="nav-label">{view.label}</span>
              <kbd className="nav-key" aria-hidden="true">
                {index + 1}
              </kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
