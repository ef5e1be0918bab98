// "Comment on selection": a floating button shown above a reader's selection inside one block
// (at the foot of the screen at phone width).
import type { Anchor } from '../record.ts';
import { anchorFromRange, buildPageText } from '../anchoring/index.ts';
import { el } from './dom.ts';
import { makeShadowHost } from './shadow-host.ts';

type QuoteAnchor = Extract<Anchor, { kind: 'quote' }>;

/** Watches the document's selection and offers to comment on it. */
export class SelectionButton {
  readonly host: HTMLDivElement;
  private anchor: QuoteAnchor | undefined;
  private frame = 0;
  private readonly onSelection = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.place());
  };

  constructor(sheet: CSSStyleSheet, label: string, private readonly blocks: () => HTMLElement[], onPick: (anchor: QuoteAnchor) => void) {
    const { host, root } = makeShadowHost('div', 'selection', [sheet]);
    this.host = host;
    host.hidden = true;
    const button = el('button', { type: 'button' }, label);
    // Keep the selection when the button is pressed.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      if (this.anchor) onPick(this.anchor);
      this.hide();
    });
    root.append(button);
    document.body.append(host);
    document.addEventListener('selectionchange', this.onSelection);
  }

  /** Removes the button and stops watching. */
  remove(): void {
    document.removeEventListener('selectionchange', this.onSelection);
    cancelAnimationFrame(this.frame);
    this.host.remove();
  }

  private hide(): void {
    this.anchor = undefined;
    this.host.hidden = true;
  }

  private place(): void {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const anchor = range && !range.collapsed ? anchorFromRange(range, buildPageText(this.blocks())) : undefined;
    if (!range || !anchor) return this.hide();
    // The first line of the selection: its bounding box starts at the left margin when it wraps.
    const rect = [...range.getClientRects()].find((line) => line.width > 0) ?? range.getBoundingClientRect();
    this.anchor = anchor;
    this.host.hidden = false;
    // Above the selection's start, within the page's width (at phone width, its sheet pins it to
    // the foot of the screen instead).
    const room = document.documentElement.clientWidth - this.host.offsetWidth;
    this.host.style.left = `${Math.max(0, Math.min(rect.left, room)) + window.scrollX}px`;
    this.host.style.top = `${Math.max(0, rect.top + window.scrollY - 34)}px`;
  }
}
