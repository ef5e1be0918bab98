/**
 * This device's name, the author of its commits (History shows it on every device): by default
 * the browser and the system it runs on, "Firefox on Windows"; the person may rename it in the
 * Sync tab. It is kept with the sync settings, never in the repository.
 */
import type { Author } from '../model/index.ts';

/** Browsers by the token their user agent carries, the most specific first. */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(?:Headless)?Chrome\/|\bCriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** "Chrome on Linux", from a user agent string; "This browser" when nothing is recognised. */
export function defaultDeviceName(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? (system ? `A browser on ${system}` : 'This browser');
}

/** Longest name kept, so a commit header stays a line. */
const MAX_DEVICE_NAME = 60;

/**
 * A device name as typed, tidied: one line (a commit header holds it), without `<` or `>` (which
 * bound the address there), trimmed, at most {@link MAX_DEVICE_NAME} characters; `undefined` when empty.
 */
export function cleanDeviceName(name: string): string | undefined {
  const tidy = Array.from(name.replace(/[\s\p{Cc}<>]+/gu, ' ').trim()).slice(0, MAX_DEVICE_NAME).join('').trim();
  return tidy === '' ? undefined : tidy;
}

/** The commit author for a device name: the name, and an address that names it and goes nowhere. */
export function deviceAuthor(name: string): Author {
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'device';
  return { name, email: `${slug}@taskgit.invalid` };
}
