// Building DOM without HTML strings: text always goes in as text (user text never becomes markup).

/** Attributes and properties of {@link el}. */
type Props = Record<string, string | boolean | undefined>;

/**
 * Creates `<tag>` with attributes (`true` sets an empty one, `false`/`undefined` none) and
 * children; strings become text nodes.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Array<Node | string | undefined | false>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}
