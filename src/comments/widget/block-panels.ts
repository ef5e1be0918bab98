// The widget's presence in the host page's blocks: a count button in each, and under each (once
// opened) a panel with its threads and a form.
import type { Anchor } from '../record.ts';
import type { LocalMemory } from '../storage/index.ts';
import type { Strings } from '../strings/index.ts';
import { countEntries, type ThreadEntry } from '../threads/index.ts';
import { BlockMarker } from './block-marker.ts';
import type { CommentRequest } from './comment-form.ts';
import { makeShadowHost } from './shadow-host.ts';
import { ThreadSection, type SectionContext } from './thread-section.ts';

/** What the panels share with the element. */
export interface BlockPanelsOptions {
  strings: Strings;
  memory: LocalMemory;
  page: string;
  markerSheet: CSSStyleSheet;
  panelSheet: CSSStyleSheet;
  onSubmit: (request: CommentRequest) => Promise<string | undefined>;
  /** A panel was made: its threads need showing. */
  onPanelMade: () => void;
  /** Focus entered a panel (a reader is about to write). */
  onFocus: () => void;
  /** Gives a new host the element's theme. */
  applyTheme: (host: HTMLElement) => void;
}

interface BlockUi {
  marker: BlockMarker;
  panel?: { host: HTMLDivElement; section: ThreadSection };
}

/** Markers and panels of every block, made as blocks are seen. */
export class BlockPanels {
  private readonly blocks = new Map<HTMLElement, BlockUi>();

  constructor(private readonly options: BlockPanelsOptions) {}

  /** Gives every block in `blocks` a marker, if it has none yet. */
  addBlocks(blocks: readonly HTMLElement[]): void {
    for (const block of blocks) this.ui(block);
  }

  /** Every host placed in the page. */
  hosts(): HTMLElement[] {
    return [...this.blocks.values()].flatMap((ui) => (ui.panel ? [ui.marker.host, ui.panel.host] : [ui.marker.host]));
  }

  /** Opens a block's panel with its form set to comment on a quoted span. */
  openWithQuote(block: HTMLElement, anchor: Extract<Anchor, { kind: 'quote' }>): void {
    this.show(block, true).form?.quoteSpan(anchor);
  }

  /** Opens a closed panel, closes an open one. */
  toggle(block: HTMLElement): void {
    const panel = this.blocks.get(block)?.panel;
    this.show(block, !panel || panel.host.hidden);
  }

  /** Shows each block's count, and the threads in the panels made so far. */
  update(byBlock: ReadonlyMap<HTMLElement, ThreadEntry[]>, context: SectionContext): void {
    for (const [block, ui] of this.blocks) {
      const threads = byBlock.get(block) ?? [];
      ui.marker.setCount(countEntries(threads));
      ui.panel?.section.update(threads, context);
    }
  }

  /** Takes every marker and panel out of the page. */
  remove(): void {
    for (const host of this.hosts()) host.remove();
    this.blocks.clear();
  }

  private ui(block: HTMLElement): BlockUi {
    let ui = this.blocks.get(block);
    if (!ui) {
      ui = { marker: new BlockMarker(block, this.options.markerSheet, this.options.strings, () => this.toggle(block)) };
      this.blocks.set(block, ui);
      this.options.applyTheme(ui.marker.host);
    }
    return ui;
  }

  private show(block: HTMLElement, open: boolean): ThreadSection {
    const ui = this.ui(block);
    if (!ui.panel) {
      const { strings, memory, page } = this.options;
      const { host, root } = makeShadowHost('div', 'panel', [this.options.panelSheet]);
      const form = { strings, memory, draftKey: `${page}#block:${block.id}`, anchor: { kind: 'block', block: block.id } as const, onSubmit: this.options.onSubmit };
      const section = new ThreadSection(strings.heading, undefined, form, strings.noComments);
      root.append(section.element);
      root.addEventListener('focusin', this.options.onFocus);
      block.after(host);
      ui.panel = { host, section };
      this.options.applyTheme(host);
      this.options.onPanelMade();
    }
    ui.panel.host.hidden = !open;
    ui.marker.setExpanded(open);
    return ui.panel.section;
  }
}
