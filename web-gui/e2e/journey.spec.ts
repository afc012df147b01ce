import { readFileSync } from 'node:fs';
import { english, expect, login, test } from './fixtures';
import { adminPassword, sha256, unique } from './lake';

test.beforeEach(async ({ page }) => english(page));

// One object all the way, as a user meets the lake: uploaded in the GUI with a template, found in the catalog,
// opened (its run and lineage), downloaded byte for byte, and charted from the time series it became.
test('an object uploaded in the browser is found, opened, downloaded and charted', async ({ page, admin }) => {
  const project = unique('journey');
  await admin.createProject(project);
  await admin.createTemplate(project, {
    name: 'buoy',
    label: 'Buoy readings',
    accepted_mime_types: ['application/json'],
    fields: [{ name: 'buoy', type: 'text', required: true }],
    processing: { time_series: { measurement: 'sea', time_field: 'ts', value_fields: ['height'] } },
  });
  const start = Date.UTC(2024, 6, 1, 0, 0, 0);
  const readings = Array.from({ length: 120 }, (_, i) => ({ ts: new Date(start + i * 30_000).toISOString(), height: 1 + Math.sin(i / 10) }));
  const bytes = Buffer.from(JSON.stringify(readings));

  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/upload`);
  await page.getByLabel('Choose files').setInputFiles({ name: 'buoy-7.json', mimeType: 'application/json', buffer: bytes });
  await page.getByLabel('Template').selectOption('buoy');
  await page.getByRole('textbox', { name: /^buoy/ }).fill('B7');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('progressbar', { name: 'Progress of buoy-7.json' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Open object #\d+$/ })).toBeVisible({ timeout: 60_000 });

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Catalog' }).click();
  await page.getByLabel('Text in name or description').fill('buoy-7');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('table', { name: 'Objects' }).getByRole('link', { name: 'buoy-7.json', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'buoy-7.json' })).toBeVisible();

  // The run ends (the page follows it) and the lineage names the measurement it wrote.
  const run = page.locator('article.object-run').first();
  await expect(run.locator(':scope > .spread [data-state]')).toHaveAttribute('data-state', 'succeeded', { timeout: 90_000 });
  const produced = page.getByRole('table', { name: 'Processed data' });
  await expect(produced.getByRole('row').filter({ hasText: 'sea' }).getByRole('cell').nth(3)).toHaveText('120');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('buoy-7.json');
  expect(sha256(readFileSync(await download.path()))).toBe(sha256(bytes));

  await produced.getByRole('link', { name: 'sea' }).click();
  await expect(page).toHaveURL(/\/visualise\?tab=series&measurement=sea&object=\d+/);
  await expect(page.locator('.series-chart canvas').first()).toBeVisible();
  await expect(page.getByTestId('series-points')).toHaveText(/[1-9]/);
});
