// <git-comments>: the widget. It finds the page's blocks, gives each a count button and a panel,
// shows the page's own comments and the orphans where the element stands, commits each comment
// to the browser's repository first and publishes it when it can.
import { DEFAULT_BLOCK_SELECTOR, blockAnchor, buildPageText, listBlocks } from '../anchoring/index.ts';
import { pageKey, type Anchor } from '../record.ts';
import { CommentRepo, LocalMemory, prepareSecretHashing, safeLocalStorage } from '../storage/index.ts';
import { en, type Strings } from '../strings/index.ts';
import { buildThreads, countEntries, readPageFiles, type ThreadEntry } from '../threads/index.ts';
import { BlockPanels } from './block-panels.ts';
import { postComment, retractComment } from './comment-actions.ts';
import type { CommentRequest } from './comment-form.ts';
import { el } from './dom.ts';
import { plainBody } from './plain-body.ts';
import { placeThreads } from './place-threads.ts';
import { Publisher, type PublisherState } from './publisher.ts';
import { resolveRemote } from './resolve-remote.ts';
import { SelectionButton } from './selection-button.ts';
import { statusText } from './status-text.ts';
import { HIGHLIGHT_CSS, MARKER_CSS, SELECTION_CSS, WIDGET_CSS, makeSheet } from './styles.ts';
import { ThreadSection, type SectionContext } from './thread-section.ts';

type Sheets = { widget: CSSStyleSheet; marker: CSSStyleSheet; selection: CSSStyleSheet };

/** Everything that exists while the element is connected and its remote is known. */
interface Session {
  remote: string;
  page: string;
  repo: CommentRepo;
  memory: LocalMemory;
  publisher: Publisher;
  publisherState: PublisherState;
  blocks: BlockPanels;
  pageSection: ThreadSection;
  orphanSection: ThreadSection;
  selection: SelectionButton;
  stopWatching: () => void;
  renderBody?: (markdown: string) => string;
}

/**
 * The comment widget as a custom element. Attributes: `remote` (the comment repository's URL) or
 * `config` (a JSON document's URL) with `config-key` (default `commentsRemote`); `page` (default
 * the path as a page key); `selector` (the commentable blocks; default paragraphs and headings
 * with ids); `theme` (`light` or `dark`; default the reader's preference).
 */
export class GitCommentsElement extends HTMLElement {
  static readonly observedAttributes = ['theme'];

  /** The words shown; replace before the element connects to translate. */
  static strings: Strings = en;

  private readonly root: ShadowRoot;
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly body = el('div');
  private session: Session | undefined;
  private starting: Promise<void> | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  /** Unpublished changes, as last counted. */
  private pendingShown = 0;
  private warmed = false;
  private sheets: Sheets | undefined;
  /** In the host document: how quoted spans are highlighted. */
  private highlightSheet: CSSStyleSheet | undefined;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.addEventListener('focusin', () => this.warmUp());
  }

  connectedCallback(): void {
    this.sheets ??= { widget: makeSheet(WIDGET_CSS), marker: makeSheet(MARKER_CSS), selection: makeSheet(SELECTION_CSS) };
    this.root.adoptedStyleSheets = [this.sheets.widget];
    const strings = GitCommentsElement.strings;
    this.root.replaceChildren(el('section', {}, el('h2', {}, strings.heading), this.status, this.body));
    this.status.textContent = strings.loading;
    this.starting = this.start().catch((error: unknown) => this.showProblem(strings.storageFailed(error instanceof Error ? error.message : String(error))));
  }

  disconnectedCallback(): void {
    void (this.starting ?? Promise.resolve()).then(() => this.stop());
  }

  attributeChangedCallback(): void {
    const session = this.session;
    if (!session) return;
    for (const host of [session.selection.host, ...session.blocks.hosts()]) this.applyTheme(host);
  }

  /** Gives a host the element's `theme` (its shadow styles read it as `:host([theme])`). */
  private applyTheme(host: HTMLElement): void {
    const theme = this.getAttribute('theme');
    if (theme === null) host.removeAttribute('theme');
    else host.setAttribute('theme', theme);
  }

  private async start(): Promise<void> {
    const strings = GitCommentsElement.strings;
    const remote = await resolveRemote(
      { remote: this.getAttribute('remote'), config: this.getAttribute('config'), configKey: this.getAttribute('config-key') },
      document.baseURI,
      safeLocalStorage(),
    );
    if (!this.isConnected) return;
    if (remote === undefined) return this.showProblem(strings.noRemote);
    const page = pageKey(this.getAttribute('page') ?? location.pathname);
    const repo = await CommentRepo.open({ remote });
    if (!this.isConnected) return void repo.close();
    const memory = new LocalMemory(remote);
    const post = (request: CommentRequest): Promise<string | undefined> => this.post(request);
    const sheets = this.sheets as Sheets;
    const session: Session = {
      remote,
      page,
      repo,
      memory,
      publisher: new Publisher({ comments: repo, url: remote, page, onChange: (state) => this.onPublisherChange(state) }),
      publisherState: { busy: false },
      blocks: new BlockPanels({
        strings,
        memory,
        page,
        markerSheet: sheets.marker,
        panelSheet: sheets.widget,
        onSubmit: post,
        onPanelMade: () => void this.refresh(),
        onFocus: () => this.warmUp(),
        applyTheme: (host) => this.applyTheme(host),
      }),
      pageSection: new ThreadSection(strings.pageComments, undefined, { strings, memory, draftKey: `${page}#page`, anchor: { kind: 'page' }, onSubmit: post }, strings.noComments),
      orphanSection: new ThreadSection(strings.orphanedHeading, strings.orphanedNote, undefined, undefined),
      selection: new SelectionButton(sheets.selection, strings.commentOnSelection, () => this.currentBlocks(), (anchor) => this.openPanel(anchor)),
      stopWatching: () => undefined,
    };
    this.session = session;
    this.body.replaceChildren(session.pageSection.element, session.orphanSection.element);
    session.blocks.addBlocks(this.currentBlocks());
    this.highlightSheet ??= makeSheet(HIGHLIGHT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.highlightSheet];
    this.attributeChangedCallback();
    session.stopWatching = await repo.watch(page, () => void this.refresh());
    await this.refresh();
    session.publisher.start();
    session.publisher.request();
    prepareSecretHashing();
  }

  private async stop(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.session = undefined;
    session.publisher.stop();
    session.stopWatching();
    session.selection.remove();
    session.blocks.remove();
    CSS.highlights?.delete('git-comments');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== this.highlightSheet);
    await session.repo.close();
  }

  private currentBlocks(): HTMLElement[] {
    return listBlocks(document, this.getAttribute('selector') ?? DEFAULT_BLOCK_SELECTOR).filter((block) => !this.contains(block));
  }

  /** Opens the panel of a quote's block with the form set to comment on the quote. */
  private openPanel(anchor: Extract<Anchor, { kind: 'quote' }>): void {
    const block = this.currentBlocks().find((candidate) => candidate.id === anchor.block);
    if (block) this.session?.blocks.openWithQuote(block, anchor);
  }

  /**
   * Loads the markdown renderer once; while it cannot be loaded (offline before it was ever
   * needed) bodies show as plain text, and the next render tries again.
   */
  private async loadMarkdown(session: Session): Promise<void> {
    if (session.renderBody) return;
    try {
      session.renderBody = (await import('../markdown/render-markdown.ts')).renderMarkdown;
    } catch {
      // Plain text this time.
    }
  }

  /** The code a reader about to write will need (markdown, publishing), fetched while online. */
  private warmUp(): void {
    const session = this.session;
    if (!session || this.warmed) return;
    this.warmed = true;
    void this.loadMarkdown(session);
    void import('../publish/publish.ts').catch(() => (this.warmed = false));
  }

  /** Re-reads the page's comments and shows them; calls during a refresh run once it ends. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = this.render()
      .catch((error: unknown) => this.showProblem(GitCommentsElement.strings.storageFailed(error instanceof Error ? error.message : String(error))))
      .finally(() => {
        this.refreshing = undefined;
        if (this.refreshAgain) {
          this.refreshAgain = false;
          void this.refresh();
        }
      });
    return this.refreshing;
  }

  private async render(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const snapshot = await session.repo.readPage(session.page);
    const threads = buildThreads(session.page, readPageFiles(snapshot.files), snapshot.published, snapshot.setAside);
    if (countEntries(threads) > 0) await this.loadMarkdown(session);
    const pending = (await session.repo.listPending()).length;
    if (this.session !== session) return;
    const blocks = this.currentBlocks();
    session.blocks.addBlocks(blocks);
    const placement = placeThreads(threads, buildPageText(blocks));
    const context: SectionContext = {
      strings: GitCommentsElement.strings,
      now: new Date(),
      renderBody: session.renderBody ?? plainBody,
      canRetract: (id) => session.memory.secret(id) !== undefined,
      onRetract: (entry) => void this.retract(entry),
      onDiscard: (entry) => void this.discard(entry),
    };
    session.blocks.update(placement.byBlock, context);
    session.pageSection.update(placement.page, context);
    session.orphanSection.update(placement.orphans, context);
    session.orphanSection.element.hidden = placement.orphans.length === 0;
    if (typeof Highlight === 'function' && CSS.highlights) CSS.highlights.set('git-comments', new Highlight(...placement.quotes));
    this.showStatus(pending);
  }

  private showStatus(pending = this.pendingShown): void {
    this.pendingShown = pending;
    const state = this.session?.publisherState ?? { busy: false };
    const { text, problem } = statusText(GitCommentsElement.strings, state, pending, Date.now());
    this.status.textContent = text;
    this.status.classList.toggle('error', problem);
    this.status.hidden = text === '';
  }

  private showProblem(text: string): void {
    this.status.textContent = text;
    this.status.classList.add('error');
    this.status.hidden = false;
  }

  private onPublisherChange(state: PublisherState): void {
    if (!this.session) return;
    this.session.publisherState = state;
    this.showStatus();
    if (!state.busy) void this.refresh();
  }

  /** Commits a new comment here (its secret kept in this browser first), then publishes it. */
  private async post(request: CommentRequest): Promise<string | undefined> {
    const session = this.session;
    if (!session) return GitCommentsElement.strings.noRemote;
    // A comment on a whole block keeps the block's words too, so it is found after edits.
    const { anchor } = request;
    const block = anchor.kind === 'block' && anchor.exact === undefined ? this.currentBlocks().find((candidate) => candidate.id === anchor.block) : undefined;
    const withWords = block ? { ...request, anchor: blockAnchor(block, buildPageText(this.currentBlocks())) } : request;
    const problem = await postComment({ ...session, strings: GitCommentsElement.strings }, withWords);
    if (problem === undefined) await this.afterWrite(session);
    return problem;
  }

  /** Retracts one of this browser's comments, then publishes the retraction. */
  private async retract(entry: ThreadEntry): Promise<void> {
    const session = this.session;
    if (!session) return;
    const problem = await retractComment({ ...session, strings: GitCommentsElement.strings }, entry.id);
    if (problem === undefined) await this.afterWrite(session);
    else this.showProblem(problem);
  }

  /** Forgets a comment the remote refused for good (the reader read why and let it go). */
  private async discard(entry: ThreadEntry): Promise<void> {
    const session = this.session;
    if (!session || entry.refusal === undefined) return;
    await session.repo.discard(entry.refusal.path).catch((error: unknown) => this.showProblem(GitCommentsElement.strings.storageFailed(error instanceof Error ? error.message : String(error))));
    await this.refresh();
  }

  /** Sends the change on its way first: the page is drawn again while the push travels. */
  private async afterWrite(session: Session): Promise<void> {
    session.publisher.request();
    await this.refresh();
  }
}

/** Registers `<git-comments>` once (a second script tag is harmless). */
export function defineGitComments(): void {
  if (!customElements.get('git-comments')) customElements.define('git-comments', GitCommentsElement);
}
