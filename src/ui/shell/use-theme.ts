import { useEffect, useState, useSyncExternalStore } from 'react';
import { applyThemeChoice, effectiveTheme, readThemeChoice, saveThemeChoice, type ThemeChoice } from '../theme.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';
/** The browser UI colour per theme: the header's background (styles/theme.css --surface). */
const THEME_COLORS = { light: '#ffffff', dark: '#1a1e24' } as const;

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** The theme choice, the theme showing, and a toggle that remembers its choice. */
export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark'; toggle(): void } {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice());
  const prefersDark = useSyncExternalStore(subscribe, () => window.matchMedia(DARK_QUERY).matches);
  const theme = effectiveTheme(choice, prefersDark);
  useEffect(() => {
    applyThemeChoice(choice);
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLORS[theme]);
  }, [choice, theme]);
  const toggle = (): void => {
    const next = theme === 'dark' ? 'light' : 'dark';
    saveThemeChoice(next);
    setChoice(next);
  };
  return { choice, theme, toggle };
}
