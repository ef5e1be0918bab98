// The one place that says how Chromium is launched, for the Playwright tests and the bench.
// See /work/shared/ENVIRONMENT.md: Debian's Chromium when it is installed, else Playwright's own.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium; on a machine without it Playwright's bundled browser is used. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that keep a headless Chromium quiet and local: no sandbox (CI runs as root), no GPU, no
 * background traffic, and a resolver rule that makes every host but the loopback unresolvable
 * (keep both EXCLUDEs, or the local servers become unreachable too).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/** Launch options for `chromium.launch` and for the Playwright config's `use.launchOptions`. */
export function chromiumLaunchOptions(): LaunchOptions {
  const options: LaunchOptions = { args: [...CHROMIUM_ARGS] };
  if (existsSync(SYSTEM_CHROMIUM)) options.executablePath = SYSTEM_CHROMIUM;
  return options;
}
