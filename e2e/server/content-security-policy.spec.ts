// The Content-Security-Policy the servers send, met by the app and the comment widget in
// Chromium: everything a person does (capture, notes in markdown, history, sync; reading and
// posting comments) runs without a single violation, while a script injected into the page is
// blocked. The global setup serves the build as `npm start` does, headers included.
import { expect, test, type Page } from '@playwright/test';
import { openApp, requireEnv } from '../app/app-support.ts';
import { expectStatus, openBlockPanel, openChapter, postComment, uniqueText } from '../comments/comments-support.ts';

/** Collects the page's CSP violations (from the first script on) into `window.__violations`. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}

/** Whether a script put into the page runs (it must not: it is neither the app's own file nor hashed). */
function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
}

test('the app runs under its CSP without a violation, and an injected script is blocked', async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto(requireEnv('APP_URL'));
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(policy).not.toContain('unsafe-inline');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await openApp(page, '#/process');

  const box = page.getByRole('searchbox', { name: 'Search or capture' });
  await box.fill('Read the CSP spec');
  await box.press('Enter');
  await expect(page.locator('.search-status')).toContainText('Added');
  await page.getByRole('button', { name: 'Read the CSP spec', exact: true }).first().click();
  await page.getByRole('button', { name: 'Add notes' }).click();
  const notes = page.getByRole('textbox', { name: 'Notes (Markdown)' });
  await notes.fill('See **this** [link](https://example.org) and ![an image](https://example.org/pixel.png)\n\n<img src=x onerror="window.__xss=1">');
  await notes.press('Control+Enter');
  await expect(page.locator('.item-markdown strong')).toHaveText('this');
  for (const key of ['2', '4', '5', '6', '7']) {
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    await expect(page.locator('#view-title')).toBeVisible();
  }
  await page.getByLabel('Remote URL').fill(`${requireEnv('GIT_REMOTE_URL')}csp-${Date.now()}.git`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.locator('.sync-indicator')).toHaveAttribute('data-saved', 'remote');

  expect(await violations()).toEqual([]);
  expect(await injectedScriptRuns(page)).toBe(false);
  expect((await violations()).some((violation) => violation.startsWith('script-src-elem inline'))).toBe(true);
});

test('the comment widget runs under the chapter\'s CSP without a violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await openChapter(page);
  const panel = await openBlockPanel(page, 'packs-2');
  const body = uniqueText('Under the policy');
  await postComment(panel, 'Reader', `${body} with *markdown*`);
  await expectStatus(panel, body, 'published');
  expect(await violations()).toEqual([]);
  expect(await injectedScriptRuns(page)).toBe(false);
});
