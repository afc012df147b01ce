import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { english, expect, login, screenshot, test } from './fixtures';
import { adminPassword, sha256, unique, type Lake } from './lake';

test.beforeEach(async ({ page }) => english(page));

const MiB = 1024 * 1024;

async function openUpload(page: Page, project: string) {
  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/upload`);
  await expect(page.getByRole('heading', { name: 'Upload', level: 1 })).toBeVisible();
}

/** The object id behind the "Open object #id" link of a finished file. */
async function objectIdOf(page: Page): Promise<number> {
  const link = page.getByRole('link', { name: /^Open object #\d+$/ });
  await expect(link).toBeVisible({ timeout: 90_000 });
  return Number((await link.getAttribute('href'))!.split('/').pop());
}

async function contentOf(admin: Lake, project: string, id: number): Promise<Buffer> {
  const answer = await admin.api.get(`/api/v1/projects/${project}/objects/${id}/content`);
  expect(answer.status()).toBe(200);
  return answer.body();
}

test('checks the template fields, then uploads a CSV with its metadata', async ({ page, admin }) => {
  const project = unique('upload');
  await admin.createProject(project);
  await admin.createTemplate(project, {
    name: 'station',
    label: 'Weather station',
    accepted_mime_types: ['text/csv'],
    fields: [
      { name: 'site', type: 'text', required: true },
      { name: 'quality', type: 'enum', options: ['raw', 'checked'] },
    ],
  });
  await admin.createTemplate(project, { name: 'photos', accepted_mime_types: ['image/*'], fields: [] });
  await openUpload(page, project);
  const created: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/uploads')) created.push(request.url());
  });

  const csv = Buffer.from('time,temperature\n2024-05-01T00:00:00Z,12.5\n2024-05-01T01:00:00Z,12.1\n');
  await page.getByLabel('Choose files').setInputFiles({ name: 'readings.csv', mimeType: 'text/csv', buffer: csv });
  const template = page.getByLabel('Template');
  // Only the templates that take CSV are offered.
  await expect(template.locator('option')).toHaveText(['No template', 'Weather station']);
  await template.selectOption('station');
  await page.getByLabel('quality').selectOption('checked');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const site = page.getByLabel('site');
  await expect(site).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Required: enter a value.')).toBeVisible();
  await expect(site).toHaveAccessibleDescription('Required: enter a value.');
  expect(created).toEqual([]);

  await site.fill('north-ridge');
  await page.getByLabel('Data type').fill('time series');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const id = await objectIdOf(page);
  expect(created).toHaveLength(1);
  await expect(page.getByRole('progressbar', { name: 'Progress of readings.csv' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Progress of all files' })).toBeVisible();
  await expect(page.getByText('100 %')).toHaveCount(2);
  await screenshot(page, 'upload');

  const object = await admin.call('GET', `/api/v1/projects/${project}/objects/${id}`);
  expect(object.template).toBe('station');
  expect(object.other_data).toEqual({ site: 'north-ridge', quality: 'checked' });
  expect(object.data_processing).toBe('time series');
  expect(object.sha256).toBe(sha256(csv));
});

test('an interrupted upload shows as such and resumes byte for byte', async ({ page, admin, allowConsole }, testInfo) => {
  allowConsole(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
  const project = unique('interrupt');
  await admin.createProject(project);
  const bytes = randomBytes(24 * MiB);
  const file = testInfo.outputPath('interrupted.bin');
  writeFileSync(file, bytes);
  await openUpload(page, project);

  // The network drops after the first chunk of 8 MiB.
  let patches = 0;
  await page.route('**/uploads/**', (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    patches++;
    return patches > 1 ? route.abort('internetdisconnected') : route.continue();
  });
  await page.getByLabel('Choose files').setInputFiles(file);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/The upload was interrupted after 8 MiB of 24 MiB/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Interrupted', { exact: true })).toBeVisible();

  await page.unroute('**/uploads/**');
  await page.getByRole('button', { name: 'Resume' }).click();
  const id = await objectIdOf(page);
  expect(sha256(await contentOf(admin, project, id))).toBe(sha256(bytes));
});

test('a closed tab resumes when the same file is added again', async ({ page, context, admin }, testInfo) => {
  const project = unique('reopen');
  await admin.createProject(project);
  const bytes = randomBytes(24 * MiB);
  const file = testInfo.outputPath('reopened.bin');
  writeFileSync(file, bytes);
  await openUpload(page, project);

  // The first chunk goes through; the second is held, and the tab closes while it hangs.
  let patches = 0;
  let held!: () => void;
  const secondPatch = new Promise<void>((resolve) => (held = resolve));
  await page.route('**/uploads/**', (route) => {
    if (route.request().method() !== 'PATCH') return route.continue();
    if (++patches === 1) return route.continue();
    held();
  });
  await page.getByLabel('Choose files').setInputFiles(file);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await secondPatch;
  await expect(page.getByText(/of 24 MiB/).first()).toBeVisible();
  await screenshot(page, 'upload-progress');
  await page.close();

  const again = await context.newPage();
  await again.goto(`/p/${project}/upload`);
  await expect(again.getByRole('heading', { name: 'Unfinished uploads' })).toBeVisible();
  // At least the first chunk is on the lake; what arrived of the second before the tab closed is kept too.
  await expect(again.getByText(/reopened\.bin: [\d.]+ MiB of 24 MiB \(\d+ %\)/)).toBeVisible();
  await again.getByLabel('Choose files').setInputFiles(file);
  const resuming = again.getByText(/Resuming at \d+ %/);
  await expect(resuming).toBeVisible();
  const percent = Number(/Resuming at (\d+) %/.exec((await resuming.textContent())!)![1]);
  expect(percent).toBeGreaterThanOrEqual(33);
  expect(percent).toBeLessThan(100);
  await expect(again.getByRole('heading', { name: 'Unfinished uploads' })).toBeHidden();
  await again.getByRole('button', { name: 'Send', exact: true }).click();
  const id = await objectIdOf(again);
  expect(sha256(await contentOf(admin, project, id))).toBe(sha256(bytes));

  await again.goto(`/p/${project}/tracking`);
  const rows = again.getByRole('row').filter({ hasText: 'reopened.bin' });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole('link', { name: 'reopened.bin' })).toHaveAttribute('href', `/p/${project}/objects/${id}`);
  await expect(rows.locator('.badge')).not.toHaveAttribute('data-state', 'receiving');
  await again.close();
});

test('tracking shows failed and unhandled uploads live, with their reasons', async ({ page, admin }) => {
  const project = unique('tracking');
  await admin.createProject(project);
  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/tracking`);
  await expect(page.getByText('No uploads match.')).toBeVisible();

  // Uploaded once the page is open: it must show them without a reload.
  const unhandled = await admin.upload(project, 'data.bin', randomBytes(4096));
  const broken = await admin.upload(project, 'broken.json', Buffer.from('{"a": [1, 2'));
  const unhandledRow = page.getByRole('row').filter({ hasText: 'data.bin' });
  const brokenRow = page.getByRole('row').filter({ hasText: 'broken.json' });
  await expect(unhandledRow.locator('.badge')).toHaveAttribute('data-state', 'not_handled');
  await expect(unhandledRow).toContainText('no pipeline handles content type application/octet-stream');
  await expect(brokenRow.locator('.badge')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(brokenRow).toContainText('Cannot read the JSON');
  await expect(brokenRow.getByRole('link', { name: 'broken.json' })).toHaveAttribute('href', `/p/${project}/objects/${broken.id}`);
  await screenshot(page, 'tracking');

  await page.getByRole('tab', { name: 'Pipeline runs' }).click();
  const runs = page.getByRole('table', { name: 'Pipeline runs' });
  await expect(runs.getByRole('row').filter({ hasText: `Object #${unhandled.id}` }).locator('.badge').first()).toHaveAttribute('data-state', 'not_handled');
  await expect(runs.getByRole('row').filter({ hasText: `Object #${broken.id}` })).toContainText('Cannot read the JSON');
  await page.getByLabel('State').selectOption('failed');
  await expect(runs.getByRole('row')).toHaveCount(2);
  await expect(runs).toContainText('Cannot read the JSON');
});

test('a reader is told they may not upload, instead of a form that fails', async ({ page, admin }) => {
  const project = unique('reader');
  const reader = unique('reader');
  await admin.createProject(project);
  await admin.createUser(reader, 'reader-password-123');
  await admin.grant(reader, project, 'reader');
  await login(page, reader, 'reader-password-123');
  await page.goto(`/p/${project}/upload`);
  await expect(page.getByText('You may read this project but not upload to it.')).toBeVisible();
  await expect(page.getByLabel('Choose files')).toHaveCount(0);
});
