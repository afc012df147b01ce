import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { english, expect, login, screenshot, test } from './fixtures';
import { adminPassword, unique } from './lake';

test.beforeEach(async ({ page }) => english(page));

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** from, to and interval (ms) of a time-series query the page sent. */
function queryOf(request: Request) {
  const url = new URL(request.url());
  const interval = url.searchParams.get('interval')!;
  return {
    from: Date.parse(url.searchParams.get('from')!),
    to: Date.parse(url.searchParams.get('to')!),
    interval: Number(interval.slice(0, -1)) * UNIT_MS[interval.slice(-1)],
    url,
  };
}

/** The chart's data query (not the extent search, which counts). */
const chartQuery = (page: Page, test: (url: URL) => boolean = () => true) =>
  page.waitForRequest((r) => {
    const url = new URL(r.url());
    return url.pathname.endsWith('/timeseries/climate/query') && url.searchParams.get('aggregate') === 'mean' && test(url);
  });

async function pointsShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('series-points').textContent()) ?? '';
  return Number(text.replace(/\D/g, '') || 0);
}

test('charts a time series, filters it by tag, zooms and pans', async ({ page, admin }) => {
  const project = unique('vis-series');
  await admin.createProject(project);
  await admin.createTemplate(project, {
    name: 'climate',
    accepted_mime_types: ['application/json'],
    processing: {
      time_series: { measurement: 'climate', time_field: 'ts', time_format: 'iso', tag_fields: ['station'], value_fields: ['temperature'] },
    },
  });
  // 250 instants a minute apart, a reading per station at each: 500 readings over about four hours.
  const start = Date.UTC(2024, 4, 1, 6, 0, 0);
  const readings = Array.from({ length: 250 }, (_, i) => [
    { ts: new Date(start + i * 60_000).toISOString(), station: 'north', temperature: 12 + 4 * Math.sin(i / 20) },
    { ts: new Date(start + i * 60_000).toISOString(), station: 'south', temperature: 18 + 3 * Math.cos(i / 30) },
  ]).flat();
  const object = await admin.upload(project, 'climate.json', Buffer.from(JSON.stringify(readings)), { template: 'climate' });
  const runs = await admin.awaitRunsEnded(project, object.id);
  expect(runs.map((run) => run.state)).toEqual(['succeeded']);

  await login(page, 'admin', adminPassword());
  const first = chartQuery(page, (url) => url.searchParams.get('tag.zl_object_id') === String(object.id));
  await page.goto(`/p/${project}/visualise?tab=series&measurement=climate&object=${object.id}`);
  const all = queryOf(await first);
  // "All data" is the readings' extent, not a default day.
  expect(all.from).toBeLessThanOrEqual(start);
  expect(all.to).toBeGreaterThanOrEqual(start + 249 * 60_000);
  expect(all.to - all.from).toBeLessThan(6 * 3_600_000);
  await expect(page.getByRole('tab', { name: 'Time series' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.series-chart canvas')).toBeVisible();
  await expect(page.getByText('climate · temperature · mean')).toBeVisible();
  await expect.poll(() => pointsShown(page)).toBeGreaterThan(0);

  // A tag filter re-queries with it.
  const tagged = chartQuery(page, (url) => url.searchParams.get('tag.station') === 'north');
  await page.getByLabel('Tag station').selectOption('north');
  const north = queryOf(await tagged);
  expect(north.url.searchParams.get('field')).toBe('temperature');
  await expect(page).toHaveURL(/tag\.station=north/);
  await expect.poll(() => pointsShown(page)).toBeGreaterThan(0);

  // Dragging across the chart asks for that period at a finer interval, and the range inputs follow.
  const overlay = page.locator('.series-chart .u-over');
  const box = (await overlay.boundingBox())!;
  const zoomed = chartQuery(page, (url) => url.searchParams.get('tag.station') === 'north' && Date.parse(url.searchParams.get('to')!) < north.to);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const zoom = queryOf(await zoomed);
  expect(zoom.from).toBeGreaterThan(north.from);
  expect(zoom.to).toBeLessThan(north.to);
  expect(zoom.interval).toBeLessThan(north.interval);
  await expect(page).toHaveURL(/from=.*to=/);
  await expect(page.getByLabel('From')).not.toHaveValue('');
  await expect.poll(() => pointsShown(page)).toBeGreaterThan(0);
  await screenshot(page, 'visualise-series');

  // The buttons do the same from the keyboard: zoom out doubles the window around its centre.
  const widened = chartQuery(page, (url) => Date.parse(url.searchParams.get('to')!) > zoom.to);
  await page.getByRole('button', { name: 'Zoom out' }).focus();
  await page.keyboard.press('Enter');
  const out = queryOf(await widened);
  expect(out.to - out.from).toBe(2 * (zoom.to - zoom.from));
  const panned = chartQuery(page, (url) => Date.parse(url.searchParams.get('from')!) > out.from);
  await page.getByRole('button', { name: 'Pan →' }).click();
  const moved = queryOf(await panned);
  expect(moved.to - moved.from).toBe(out.to - out.from);

  // The CSV download holds the readings of the range.
  await expect(page.getByRole('link', { name: 'Download CSV of this range' })).toHaveAttribute('href', /\/timeseries\/climate\/export\?format=csv&from=/);
});

test('previews a table page by page, with its downloads', async ({ page, admin }) => {
  const project = unique('vis-table');
  await admin.createProject(project);
  const lines = ['sample,site,reading', ...Array.from({ length: 120 }, (_, i) => `${i + 1},site-${(i % 3) + 1},${(i * 0.5).toFixed(1)}`)];
  const csv = Buffer.from(lines.join('\n') + '\n');
  const object = await admin.upload(project, 'samples.csv', csv);
  expect((await admin.awaitRunsEnded(project, object.id)).map((run) => run.state)).toEqual(['succeeded']);
  const tables = (await admin.call('GET', `/api/v1/projects/${project}/tables`)).items as { name: string; source_object_ids: number[] }[];
  const table = tables.find((t) => t.source_object_ids.includes(object.id))!.name;

  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/visualise?tab=table&table=${table}`);
  const rows = page.getByRole('table', { name: `Rows of ${table}` });
  for (const column of ['sample', 'site', 'reading']) {
    await expect(rows.getByRole('columnheader', { name: new RegExp(`^${column}\\b`) })).toBeVisible();
  }
  await expect(rows.locator('tbody tr')).toHaveCount(50);
  await expect(rows.locator('tbody tr').first().locator('td').first()).toHaveText('1');
  await expect(page.getByText('Rows 1–50 of 120')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Object ' + object.id })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Profiles' })).toBeVisible();
  await screenshot(page, 'visualise-table');

  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText('Rows 51–100 of 120')).toBeVisible();
  await expect(rows.locator('tbody tr').first().locator('td').first()).toHaveText('51');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(rows.locator('tbody tr')).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.getByText('Rows 51–100 of 120')).toBeVisible();

  await expect(page.getByRole('link', { name: 'Download Parquet' })).toHaveAttribute('href', new RegExp(`/tables/${table}/export\\?format=parquet$`));
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const exported = readFileSync(await (await download).path()).toString('utf8').trim().split(/\r?\n/);
  expect(exported).toHaveLength(121);
  expect(exported[0]).toMatch(/^sample,site,reading/);
});

test('draws an object’s graph, shows a node and expands its neighbourhood', async ({ page, admin }) => {
  const project = unique('vis-graph');
  await admin.createProject(project);
  const document = {
    nodes: [
      { id: 'ada', label: 'Person', name: 'Ada Lovelace', born: 1815 },
      { id: 'charles', labels: ['Person', 'Inventor'], name: 'Charles Babbage' },
      { id: 'engine', label: 'Machine', name: 'Analytical Engine' },
    ],
    links: [
      { source: 'ada', target: 'charles', type: 'works_with', since: 1833 },
      { source: 'charles', target: 'engine', type: 'DESIGNED' },
      { source: 'ada', target: 'engine', type: 'WROTE_ABOUT' },
    ],
  };
  const object = await admin.upload(project, 'people.json', Buffer.from(JSON.stringify(document)));
  const runs = await admin.awaitRunsEnded(project, object.id);
  expect(runs.map((run) => `${run.pipeline} ${run.state}`)).toEqual(['graph-json succeeded']);

  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/visualise?tab=graph&object=${object.id}`);
  await expect(page.locator('.graph-view canvas').first()).toBeVisible();
  const nodes = page.getByRole('region', { name: /nodes$/ });
  for (const name of ['Ada Lovelace', 'Charles Babbage', 'Analytical Engine', 'people.json']) {
    await expect(nodes.getByRole('button', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(page.getByRole('cell', { name: 'works_with' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Download JSON of this object/ })).toHaveAttribute('href', new RegExp(`/graph/export\\?object_id=${object.id}$`));

  await nodes.getByRole('button', { name: /Ada Lovelace/ }).click();
  const details = page.getByRole('region', { name: `Node o${object.id}:ada` });
  await expect(details).toBeVisible();
  await expect(details.getByText('1815')).toBeVisible();
  await expect(details.getByText('Person')).toBeVisible();
  await screenshot(page, 'visualise-graph');

  const neighbourhood = page.waitForResponse((r) => r.url().includes(`/graph/nodes/o${object.id}%3Aada/neighbourhood`) && r.ok());
  await details.getByRole('button', { name: 'Expand neighbourhood' }).click();
  await neighbourhood;
  await expect(page).toHaveURL(/node=o\d+%3Aada/);
  await expect(page.getByLabel('Node key')).toHaveValue(`o${object.id}:ada`);
  await expect(nodes.getByRole('button', { name: /Charles Babbage/ })).toBeVisible();
  await expect(page.locator('.graph-view canvas').first()).toBeVisible();
});
