// The Sync settings warn before a token crosses the network unencrypted: a remote (or proxy)
// over plain http:// on another machine. Until the person ticks that they mean it, nothing that
// would send the token works, and no request leaves for that host; this machine's own http://
// remotes need no warning.
import { expect, test } from '@playwright/test';
import { openApp, requireEnv } from '../app/app-support.ts';

test('a token for a plain-HTTP remote on another machine waits for a tick; this machine needs none', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).host));
  await openApp(page, '#/sync');
  const buttons = ['Save', 'Sync now', 'Test connection'].map((name) => page.getByRole('button', { name, exact: true }));

  await page.getByLabel('Remote URL').fill('http://nas.home.arpa:8173/tasks.git');
  await page.getByLabel('Username').fill('me');
  await expect(page.getByTestId('token-warning')).toBeHidden(); // no token, nothing secret
  await page.getByLabel('Token or password').fill('my-secret-token');
  const warning = page.getByTestId('token-warning');
  await expect(warning).toContainText('The token would cross the network unencrypted.');
  await expect(warning).toContainText('nas.home.arpa:8173 is reached over plain http://');
  for (const button of buttons) await expect(button).toBeDisabled();
  await page.getByLabel('Token or password').press('Enter'); // the form's submit, held too
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);

  await warning.getByLabel('Send the token to nas.home.arpa:8173 unencrypted anyway').check();
  for (const button of buttons) await expect(button).toBeEnabled();
  // Another host is another question.
  await page.getByLabel('Remote URL').fill('http://10.0.0.9/tasks.git');
  await expect(warning.getByRole('checkbox')).not.toBeChecked();
  await expect(buttons[0]!).toBeDisabled();
  // HTTPS, or this machine over http://, is fine.
  await page.getByLabel('Remote URL').fill('https://nas.home.arpa/tasks.git');
  await expect(warning).toBeHidden();
  await page.getByLabel('Remote URL').fill(`${requireEnv('GIT_REMOTE_URL')}tasks.git`);
  await expect(warning).toBeHidden();
  await expect(buttons[0]!).toBeEnabled();
  expect(requested.filter((host) => host.startsWith('nas.home.arpa') || host.startsWith('10.0.0.9'))).toEqual([]);
});
