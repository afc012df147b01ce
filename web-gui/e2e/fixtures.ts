// What every GUI test shares: a page that fails the test on any console error or uncaught exception, logging in
// through the login form, and screenshots for the documentation.

import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lake, lakeUrl } from './lake';

export const SCREENSHOTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'docs', 'screenshots');

interface Fixtures {
  /** The lake's API as the platform admin. */
  admin: Lake;
  /** Console messages a test expects (e.g. the browser's log of a refused request it provokes). */
  allowConsole: (pattern: RegExp) => void;
}

export const test = base.extend<Fixtures>({
  // The lake's address is known only once global-setup.ts has started it.
  baseURL: async ({}, use) => use(lakeUrl()),
  admin: async ({}, use) => {
    const lake = await Lake.login();
    await use(lake);
    await lake.dispose();
  },
  allowConsole: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text()))) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use((pattern) => allowed.push(pattern));
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Logs in through the form and waits for the app's frame. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/User name|Nom d’utilisateur/).fill(username);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(password);
  await page.getByRole('button', { name: /^(Log in|Se connecter)$/ }).click();
  // The frame's project switcher is there at every width (the logout button hides in a phone's menu).
  await expect(page.getByLabel(/^(Project|Projet)$/)).toBeVisible();
  await expect(page).not.toHaveURL(/\/login$/);
}

/** Opens the page in English whatever the browser's language, unless a test switches. */
export async function english(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (!localStorage.getItem('zonelake.language')) localStorage.setItem('zonelake.language', 'en');
  });
}

/** A screenshot of the whole page for docs/screenshots/<name>.png, once what it shows has loaded. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}
