/**
 * Light and dark themes: the CSS custom properties in styles/theme.css follow
 * `prefers-color-scheme` unless the person chose a theme, which is kept in localStorage and set
 * as `data-theme` on <html> (index.html applies it before the first paint, so no flash).
 */

/** 'system' follows the operating system's setting. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** The localStorage key; index.html's inline script reads the same one. */
export const THEME_KEY = 'taskgit-theme';

/** The stored choice; 'system' when none (or storage is unavailable). */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): ThemeChoice {
  const value = storage?.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Remembers the choice ('system' forgets it). */
export function saveThemeChoice(choice: ThemeChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = safeLocalStorage()): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_KEY);
    else storage?.setItem(THEME_KEY, choice);
  } catch {
    // storage full or disabled: the theme still applies for this visit
  }
}

/** The theme that shows for a choice. */
export function effectiveTheme(choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}

/** Puts the choice on <html>; the stylesheet does the rest. */
export function applyThemeChoice(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // some private modes throw on access
  }
}
