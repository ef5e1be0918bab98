// The count button appended to each commentable block of the host page.
import type { Strings } from '../strings/index.ts';
import { el } from './dom.ts';
import { makeShadowHost } from './shadow-host.ts';

/** One block's button: shows how many comments it has; a click opens its panel. */
export class BlockMarker {
  readonly host: HTMLSpanElement;
  private readonly button: HTMLButtonElement;

  constructor(block: HTMLElement, sheet: CSSStyleSheet, private readonly strings: Strings, onClick: () => void) {
    const { host, root } = makeShadowHost('span', 'marker', [sheet]);
    this.host = host;
    this.button = el('button', { type: 'button', 'aria-expanded': 'false' });
    this.button.addEventListener('click', onClick);
    root.append(this.button);
    block.append(host);
    this.setCount(0);
  }

  /** Shows `count` comments (a quiet `+` for none). */
  setCount(count: number): void {
    this.button.textContent = count === 0 ? '+' : String(count);
    this.button.classList.toggle('has', count > 0);
    this.button.setAttribute('aria-label', this.strings.markerLabel(count));
    this.button.title = this.strings.markerLabel(count);
  }

  /** Whether the block's panel is open. */
  setExpanded(open: boolean): void {
    this.button.setAttribute('aria-expanded', String(open));
  }
}
