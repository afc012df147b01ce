import { english, expect, test } from './fixtures';
import { adminPassword, unique } from './lake';

test.beforeEach(async ({ page }) => english(page));

test('logs in and moves around with the keyboard only', async ({ page, admin }) => {
  const project = unique('keys');
  await admin.createProject(project);

  await page.goto('/login');
  await expect(page.getByLabel('User name')).toBeFocused();
  await page.keyboard.type('admin');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(adminPassword());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.goto(`/p/${project}`);
  // The first Tab reaches the skip link, which moves the focus past the navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Every navigation link can be reached by Tab and followed by Enter.
  await page.locator('body').focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('link', { name: 'Templates' }).evaluate((link) => link === document.activeElement)) break;
  }
  await expect(page.getByRole('link', { name: 'Templates' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/p/${project}/templates$`));
});
