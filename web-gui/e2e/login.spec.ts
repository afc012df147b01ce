import { english, expect, login, screenshot, test } from './fixtures';
import { adminPassword, unique } from './lake';

test.beforeEach(async ({ page }) => english(page));

test('logs in, shows the project, and logs out', async ({ page, admin }) => {
  const project = unique('login');
  await admin.createProject(project);

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, 'login');
  await login(page, 'admin', adminPassword());
  await page.getByLabel('Project').selectOption(project);
  await expect(page).toHaveURL(new RegExp(`/p/${project}$`));

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
  await page.goto(`/p/${project}/catalog`);
  await expect(page).toHaveURL(/\/login$/);
});

test('says why a login is refused', async ({ page, allowConsole }) => {
  allowConsole(/status of 401/);
  await page.goto('/login');
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong user name or password/);
});

test('an expired or revoked session sends back to the login page, then back to where the user was', async ({ page, admin, allowConsole }) => {
  allowConsole(/status of 401/);
  const project = unique('expiry');
  await admin.createProject(project);
  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/templates`);
  // Revoke the browser's token behind its back, as an expiry would.
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('zonelake.session')!).token as string);
  const revoked = await admin.api.fetch('/api/v1/auth/tokens', { method: 'DELETE', headers: { 'X-Auth-Token': token } });
  expect(revoked.status()).toBe(204);

  await page.reload();
  await expect(page.getByText('Your session expired. Log in again to go on where you were.')).toBeVisible();
  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill(adminPassword());
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${project}/templates$`));
});

test('speaks French', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await screenshot(page, 'login-fr');
});
