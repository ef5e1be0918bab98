import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/**
 * The only elements the notes may contain: what `marked` makes of markdown (GitHub flavour),
 * plus `<time>` for dated log lines. No images, media, frames, forms, SVG, MathML or styles.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'input', 'a', 'time',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

/** The only attributes: link targets and titles, list starts, table alignment, task boxes, dates. */
const ALLOWED_ATTR = ['href', 'title', 'start', 'align', 'datetime', 'type', 'checked', 'disabled'];

/** Links may go to the web, to mail, or to a place in the page; nothing else (javascript:, data:, vbscript:, blob:, file:, relative paths). */
const SAFE_URL = /^(?:https?:|mailto:|#)/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  // Values of these are not URLs: they need not match SAFE_URL (`title` already is one).
  ADD_URI_SAFE_ATTR: ['start', 'align', 'datetime', 'type', 'checked', 'disabled'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

let purifier: Purifier | undefined;

/** One DOMPurify of our own (its hooks touch no other user of the library), made on first use. */
function getPurifier(): Purifier {
  if (purifier) return purifier;
  if (typeof window === 'undefined') throw new Error('sanitizeHtml needs a DOM (a browser, or jsdom in tests).');
  const made = DOMPurify(window);
  if (!made.isSupported) throw new Error('DOMPurify cannot run in this environment, so notes cannot be shown safely.');
  made.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.tagName === 'INPUT') {
      // Task-list boxes only, and read-only: an input of any other type becomes one.
      node.setAttribute('type', 'checkbox');
      node.setAttribute('disabled', '');
    }
  });
  purifier = made;
  return made;
}

/**
 * HTML with everything that could run or load removed: only {@link ALLOWED_TAGS} with
 * {@link ALLOWED_ATTR}, link targets limited to http(s), mailto and `#` fragments, and every
 * link opening in a new tab with `rel="noopener noreferrer"`.
 *
 * @throws Error where there is no DOM to sanitize with (never returns unsanitized HTML).
 */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, CONFIG);
}
