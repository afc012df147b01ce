import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import type { Download, Page } from '@playwright/test';
import { english, expect, login, screenshot, test } from './fixtures';
import { adminPassword, Lake, sha256, unique } from './lake';

test.beforeEach(async ({ page }) => english(page));

const NORTH = Buffer.from('site_id,temperature,label\n1,20.5,a\n2,21.0,b\n3,19.5,c\n');
const SOUTH = Buffer.from('site_id,temperature,label\n7,1.5,x\n');
const NOTES = Buffer.from('{"k": 1}');

/** A project with a template (text field "site"), two CSVs using it and a JSON file, all processed. */
async function seed(admin: Lake) {
  const project = unique('catalog');
  await admin.createProject(project);
  await admin.createTemplate(project, { name: 'station', label: 'Station', fields: [{ name: 'site', label: 'Site', type: 'text' }] });
  const north = await admin.upload(project, 'north-readings.csv', NORTH, { template: 'station', values: { site: 'north' } });
  const south = await admin.upload(project, 'south-readings.csv', SOUTH, { template: 'station', values: { site: 'south' } });
  const notes = await admin.upload(project, 'notes.json', NOTES);
  for (const object of [north, south, notes]) await admin.awaitRunsEnded(project, object.id);
  return { project, north, south, notes };
}

/** The entries of a zip file, read from its central directory, each with its bytes. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** At a phone's width the page itself does not scroll sideways (wide tables scroll in their own box). */
async function fitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

const objectsTable = (page: Page) => page.getByRole('table', { name: 'Objects' });
/** The names in the catalog's table, top to bottom (the third column, after the checkbox and the id). */
const names = (page: Page) => objectsTable(page).locator('tbody tr td:nth-child(3)');

test('searches, filters, sorts, pages and zips the catalog', async ({ page, admin }) => {
  const { project } = await seed(admin);
  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/catalog`);

  // Newest first by default.
  await expect(names(page)).toHaveText(['notes.json', 'south-readings.csv', 'north-readings.csv']);

  // Text search.
  await page.getByLabel('Text in name or description').fill('north');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(names(page)).toHaveText(['north-readings.csv']);
  await expect(page).toHaveURL(/[?&]q=north/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(names(page)).toHaveCount(3);

  // A template's field as a filter; the search lives in the URL and survives a reload.
  await page.getByLabel('Template').selectOption('station');
  await page.getByLabel('Site', { exact: true }).fill('north');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/template=station&field\.site=north/);
  await expect(names(page)).toHaveText(['north-readings.csv']);
  await page.reload();
  await expect(names(page)).toHaveText(['north-readings.csv']);
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('north');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(names(page)).toHaveCount(3);

  // Sorting by size, both ways, by the column header.
  await page.getByRole('button', { name: 'Size', exact: true }).click();
  await expect(names(page)).toHaveText(['north-readings.csv', 'south-readings.csv', 'notes.json']);
  await expect(page).toHaveURL(/sort=size/);
  await page.getByRole('button', { name: 'Size', exact: true }).click();
  await expect(names(page)).toHaveText(['notes.json', 'south-readings.csv', 'north-readings.csv']);
  await expect(page).toHaveURL(/sort=size&order=asc/);

  // Cursor paging, two per page (a limit given in the URL).
  await page.goto(`/p/${project}/catalog?limit=2`);
  await expect(names(page)).toHaveText(['notes.json', 'south-readings.csv']);
  await page.getByRole('button', { name: /Next/ }).click();
  await expect(names(page)).toHaveText(['north-readings.csv']);
  await expect(page.getByRole('button', { name: /Next/ })).toBeDisabled();
  await page.getByRole('button', { name: /Previous/ }).click();
  await expect(names(page)).toHaveText(['notes.json', 'south-readings.csv']);
  await page.getByLabel('Per page').selectOption('25');
  await expect(names(page)).toHaveCount(3);

  // Two selected, downloaded as one zip holding exactly those files.
  await page.getByRole('checkbox', { name: 'Select north-readings.csv' }).check();
  await page.getByRole('checkbox', { name: 'Select notes.json' }).check();
  await expect(page.getByText('2 objects selected')).toBeVisible();
  const zip = await downloadFrom(page, () => page.getByRole('link', { name: 'Download the selection as a zip' }).click());
  const entries = zipEntries(await bytesOf(zip));
  expect([...entries.keys()].sort()).toEqual(['north-readings.csv', 'notes.json']);
  expect(sha256(entries.get('north-readings.csv')!)).toBe(sha256(NORTH));
  expect(sha256(entries.get('notes.json')!)).toBe(sha256(NOTES));
  // The same entries as the system's own zip reader sees them.
  const listing = execFileSync('unzip', ['-Z1', await zip.path()], { encoding: 'utf8' });
  expect(listing.trim().split('\n').sort()).toEqual(['north-readings.csv', 'notes.json']);

  await screenshot(page, 'catalog');
  await fitsPhone(page);
});

test('shows an object: metadata, runs with steps and logs, lineage; downloads and redoes', async ({ page, admin }) => {
  const { project, north } = await seed(admin);
  const lineage = await admin.call('GET', `/api/v1/projects/${project}/objects/${north.id}/lineage`);
  const table = lineage.items.find((item: any) => item.zone === 'sql');
  expect(table).toBeTruthy();

  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/catalog`);
  await page.getByLabel('Text in name or description').fill('north-readings');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(names(page)).toHaveText(['north-readings.csv']);
  await objectsTable(page).getByRole('link', { name: 'north-readings.csv', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'north-readings.csv' })).toBeVisible();
  const metadata = page.getByRole('region', { name: 'Metadata' });
  await expect(metadata.locator('dt', { hasText: /^Template$/ }).locator('+ dd')).toHaveText('station');
  await expect(metadata.locator('dt', { hasText: /^site$/ }).locator('+ dd')).toHaveText('north');
  await expect(metadata).toContainText(sha256(NORTH));

  const run = page.locator('article.object-run').first();
  const runState = run.locator(':scope > .spread [data-state]');
  await expect(runState).toHaveAttribute('data-state', 'succeeded');
  await expect(run.locator('[data-step]')).not.toHaveCount(0);
  const firstStep = run.locator('[data-step]').first();
  await firstStep.locator('summary').click();
  await expect(firstStep.locator('pre')).toContainText(/\S/);

  const produced = page.getByRole('table', { name: 'Processed data' });
  const tableRow = produced.getByRole('row').filter({ hasText: table.name });
  await expect(tableRow).toContainText('Table');
  await expect(tableRow.getByRole('cell').nth(3)).toHaveText(String(table.count));
  await expect(tableRow.getByRole('link', { name: table.name })).toHaveAttribute('href', `/p/${project}/visualise?tab=table&table=${table.name}`);

  const download = await downloadFrom(page, () => page.getByRole('link', { name: 'Download', exact: true }).click());
  expect(download.suggestedFilename()).toBe('north-readings.csv');
  expect(sha256(await bytesOf(download))).toBe(sha256(NORTH));

  await run.getByRole('button', { name: 'Redo' }).click();
  await expect(runState).toHaveAttribute('data-state', /queued|running/);
  await expect(runState).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(run.getByTestId('run-attempts')).toHaveText('2');

  await screenshot(page, 'object');
  await fitsPhone(page);
});

test('home lists the latest objects; the catalog offers the processed data; an object is deleted', async ({ page, admin }) => {
  const { project, north, south } = await seed(admin);
  const lineage = await admin.call('GET', `/api/v1/projects/${project}/objects/${north.id}/lineage`);
  const table = lineage.items.find((item: any) => item.zone === 'sql').name as string;

  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}`);
  const latest = page.getByRole('table', { name: 'Latest objects' });
  await expect(latest.locator('tbody tr td:first-child')).toHaveText(['notes.json', 'south-readings.csv', 'north-readings.csv']);
  await expect(page.getByRole('link', { name: 'Upload files' })).toBeVisible();
  await screenshot(page, 'home');
  await fitsPhone(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('link', { name: 'Search the catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Processed data' })).toBeVisible();
  const csv = await downloadFrom(page, () => page.getByRole('link', { name: `Table ${table} as CSV` }).click());
  const header = (await bytesOf(csv)).toString('utf8').split(/\r?\n/)[0].split(',');
  expect(header).toEqual(expect.arrayContaining(['site_id', 'temperature', 'label']));

  // Deleting asks once more, then goes back to the catalog, where the object is gone.
  await page.goto(`/p/${project}/objects/${south.id}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${project}/catalog$`));
  await expect(names(page)).toHaveText(['notes.json', 'north-readings.csv']);
  expect((await admin.api.get(`/api/v1/projects/${project}/objects/${south.id}`)).status()).toBe(404);
});
