import { english, expect, login, screenshot, test } from './fixtures';
import { adminPassword, unique } from './lake';
import type { Page } from '@playwright/test';

test.beforeEach(async ({ page }) => english(page));

/** Nothing wider than the screen: a phone user never scrolls sideways to reach a control. */
async function expectNoSidewaysScrolling(page: Page) {
  const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.content).toBeLessThanOrEqual(widths.screen);
}

test('every page fits a phone, and the menu opens and closes', async ({ page, admin }) => {
  const project = unique('phone');
  await admin.createProject(project);
  await admin.upload(project, 'readings.csv', Buffer.from('site,value\nnorth,1\nsouth,2\n'));

  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}`);
  const menu = page.getByRole('button', { name: 'Menu' });
  const catalogLink = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Catalog' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(catalogLink).toBeHidden();
  await screenshot(page, 'phone-home');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await screenshot(page, 'phone-menu');
  await catalogLink.click();
  await expect(page).toHaveURL(new RegExp(`/p/${project}/catalog`));
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText('readings.csv').first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, 'phone-catalog');

  for (const section of ['', '/upload', '/tracking', '/visualise', '/templates']) {
    await page.goto(`/p/${project}${section}`);
    await expect(page.locator('h1')).toBeVisible();
    await expectNoSidewaysScrolling(page);
  }
  await page.goto('/admin');
  await expect(page.locator('h1')).toBeVisible();
  await expectNoSidewaysScrolling(page);
});
