// The widget's look, in its shadow roots. Every colour and size is a CSS custom property the host
// page may set (they inherit into shadow DOM), with light and dark defaults: dark follows
// prefers-color-scheme unless the `theme` attribute says `light` or `dark`.

const LIGHT = `
  --gc-bg: #ffffff; --gc-fg: #1d232b; --gc-muted: #5b6572; --gc-border: #d5dbe2;
  --gc-accent: #1f5fa8; --gc-accent-fg: #ffffff; --gc-soft: #f1f4f8; --gc-error: #a4262c;
  --gc-local: #8a5a00; --gc-published: #2f6f3e;`;

const DARK = `
  --gc-bg: #161b22; --gc-fg: #e6edf3; --gc-muted: #9aa6b2; --gc-border: #30363d;
  --gc-accent: #6cb6ff; --gc-accent-fg: #0d1117; --gc-soft: #1f262e; --gc-error: #ff7b72;
  --gc-local: #e3b341; --gc-published: #7ee787;`;

/** Colours: the host's custom properties win over the defaults. */
const THEME = `
:host { ${LIGHT} }
@media (prefers-color-scheme: dark) { :host(:not([theme="light"])) { ${DARK} } }
:host([theme="dark"]) { ${DARK} }
:host {
  color: var(--git-comments-fg, var(--gc-fg));
  font: var(--git-comments-font, 400 0.95rem/1.5 system-ui, sans-serif);
}`;

/** The main element, the panels under blocks, and their threads and forms. */
export const WIDGET_CSS = `${THEME}
:host { display: block; }
:host([hidden]) { display: none; }
section { background: var(--git-comments-bg, var(--gc-bg)); border: 1px solid var(--git-comments-border, var(--gc-border));
  border-radius: var(--git-comments-radius, 8px); padding: 0.75rem 1rem; margin: 0.5rem 0; }
h2, h3 { font-size: 1rem; margin: 0 0 0.5rem; }
.muted, .note, time { color: var(--git-comments-muted, var(--gc-muted)); font-size: 0.85em; }
.status { margin: 0 0 0.5rem; font-size: 0.85em; }
.status.error { color: var(--git-comments-error, var(--gc-error)); }
ol { list-style: none; margin: 0; padding: 0; }
ol ol { margin-left: 1rem; padding-left: 0.75rem; border-left: 2px solid var(--git-comments-border, var(--gc-border)); }
li { margin: 0.5rem 0; }
article { padding: 0.25rem 0; }
header { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.author { font-weight: 600; }
.placeholder { font-style: italic; color: var(--git-comments-muted, var(--gc-muted)); }
.quote { margin: 0.25rem 0; padding-left: 0.5rem; border-left: 3px solid var(--git-comments-accent, var(--gc-accent));
  color: var(--git-comments-muted, var(--gc-muted)); }
.body :first-child { margin-top: 0.25rem; } .body :last-child { margin-bottom: 0.25rem; }
.body a { color: var(--git-comments-accent, var(--gc-accent)); }
.body pre { overflow-x: auto; background: var(--git-comments-soft, var(--gc-soft)); padding: 0.5rem; }
.body.plain { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow-y: auto; margin: 0.25rem 0;
  padding: 0.35rem 0.5rem; border: 1px solid var(--git-comments-border, var(--gc-border)); border-radius: 6px;
  background: var(--git-comments-soft, var(--gc-soft)); }
.badge { font-size: 0.75em; border-radius: 999px; padding: 0 0.5em; border: 1px solid currentColor; }
.badge[data-status="local"] { color: var(--git-comments-local, var(--gc-local)); }
.badge[data-status="published"] { color: var(--git-comments-published, var(--gc-published)); }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid var(--git-comments-border, var(--gc-border));
  background: var(--git-comments-soft, var(--gc-soft)); color: inherit; padding: 0.15rem 0.6rem; }
button.primary { background: var(--git-comments-accent, var(--gc-accent)); color: var(--git-comments-accent-fg, var(--gc-accent-fg)); border-color: transparent; }
button.link { border: none; background: none; padding: 0; color: var(--git-comments-accent, var(--gc-accent)); font-size: 0.85em; }
form { display: grid; gap: 0.4rem; margin-top: 0.5rem; }
label { display: grid; gap: 0.15rem; font-size: 0.85em; }
input, textarea { font: inherit; color: inherit; background: var(--git-comments-bg, var(--gc-bg));
  border: 1px solid var(--git-comments-border, var(--gc-border)); border-radius: 6px; padding: 0.35rem 0.5rem; }
textarea { min-height: 4.5rem; resize: vertical; }
.target { display: flex; gap: 0.5rem; align-items: baseline; font-size: 0.85em; }
.error { color: var(--git-comments-error, var(--gc-error)); font-size: 0.85em; }
.actions { display: flex; gap: 0.5rem; align-items: center; }
`;

/** The small count button each block gets. */
export const MARKER_CSS = `${THEME}
:host { display: inline-block; margin-left: 0.35em; vertical-align: baseline; }
button { font: 600 0.75rem/1.4 system-ui, sans-serif; cursor: pointer; border-radius: 999px; padding: 0 0.5em;
  border: 1px solid var(--git-comments-border, var(--gc-border)); color: var(--git-comments-muted, var(--gc-muted));
  background: transparent; opacity: 0.55; }
button:hover, button:focus-visible, button[aria-expanded="true"], button.has { opacity: 1; }
button.has { color: var(--git-comments-accent, var(--gc-accent)); border-color: currentColor; }
`;

/** The floating "Comment on selection" button. */
export const SELECTION_CSS = `${THEME}
:host { position: absolute; z-index: 2147483000; }
:host([hidden]) { display: none; }
button { font: 600 0.8rem/1.6 system-ui, sans-serif; cursor: pointer; border-radius: 6px; border: none; padding: 0.1rem 0.6rem;
  background: var(--git-comments-accent, var(--gc-accent)); color: var(--git-comments-accent-fg, var(--gc-accent-fg));
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); }
/* At phone width a button above the selection covers the lines above it (and the phone's own
   selection menu): it sits at the foot of the screen instead, over no text the reader chose. */
@media (max-width: 600px) {
  :host { position: fixed !important; top: auto !important; left: 0 !important; right: 0; bottom: 0;
    padding: 0.5rem 0.75rem calc(0.5rem + env(safe-area-inset-bottom)); }
  button { display: block; width: 100%; font-size: 1rem; padding: 0.6rem; }
}
`;

/** In the host document: how quoted spans are shown (the CSS Custom Highlight API). */
export const HIGHLIGHT_CSS = `::highlight(git-comments) { background-color: var(--git-comments-highlight, rgba(255, 196, 0, 0.3)); }`;

/** A constructable style sheet from CSS text. */
export function makeSheet(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}
