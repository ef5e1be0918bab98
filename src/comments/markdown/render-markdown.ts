// A comment's markdown as safe HTML: marked, then DOMPurify with a short allow-list. Loaded by
// dynamic import when the first comment is shown, to keep the page-load script small.
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { Marked } from 'marked';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML shows as the text it is, never as markup.
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text)}</p>` : escapeHtml(text)),
    // Images are not loaded (no tracking pixels): they become links.
    image: ({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
  },
});

/** What a comment may contain: text formatting, lists, quotes, code and links. */
const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'],
  ALLOWED_ATTR: ['href', 'title', 'start'],
  // Links to the web, to mail, or to a place in the page only.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  ADD_URI_SAFE_ATTR: ['start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

let purifier: Purifier | undefined;

/** One DOMPurify of the widget's own: its hook touches no other user of the library on the page. */
function getPurifier(): Purifier {
  if (purifier) return purifier;
  const made = DOMPurify(window);
  if (!made.isSupported) throw new Error('DOMPurify cannot run here, so comments cannot be shown safely.');
  made.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
    }
  });
  purifier = made;
  return made;
}

/**
 * A comment body as HTML safe to put in the page: no scripts, handlers, styles, images, frames
 * or forms, and links only to http(s), mailto or `#`, opening in a new tab.
 *
 * @throws Error where DOMPurify cannot run (never returns unsanitized HTML).
 */
export function renderMarkdown(markdown: string): string {
  return getPurifier().sanitize(marked.parse(markdown) as string, CONFIG);
}
