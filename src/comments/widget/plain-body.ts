/**
 * A body shown as plain text, escaped: what a comment shows when the markdown code cannot be
 * loaded (offline before it was ever needed). Safe by construction: every markup character is
 * an entity.
 */
export function plainBody(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return `<p class="plain">${escaped}</p>`;
}
