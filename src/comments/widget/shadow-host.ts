// Small hosts of the widget placed in the host page (markers, panels, the selection button):
// each keeps its content and styles in an open shadow root, so neither page nor widget styles
// leak into the other.

/** An element of `tag` with an open shadow root styled by `sheets`, marked as the widget's. */
export function makeShadowHost<K extends 'span' | 'div'>(tag: K, role: string, sheets: CSSStyleSheet[]): { host: HTMLElementTagNameMap[K]; root: ShadowRoot } {
  const host = document.createElement(tag);
  host.setAttribute('data-git-comments', role);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets;
  return { host, root };
}
