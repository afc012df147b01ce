import type { Page } from '@playwright/test';
import { english, expect, login, screenshot, test } from './fixtures';
import { adminPassword, unique } from './lake';

test.beforeEach(async ({ page }) => english(page));

const switcherOptions = (page: Page) => page.locator('#project-switcher option:not([value=""])').allTextContents();

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByText('You are logged out.')).toBeVisible();
}

/** Fills the login form without expecting it to succeed. */
async function tryLogin(page: Page, username: string, password: string) {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('an admin creates a project and a user and grants a role; the user sees that project only', async ({ page, admin, allowConsole }) => {
  const other = unique('other');
  await admin.createProject(other);
  const granted = unique('granted');
  const username = unique('user');
  const password = 'a long password';

  await login(page, 'admin', adminPassword());
  await page.goto('/admin/projects');
  await page.getByLabel('Name').fill('-' + granted);
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.locator('.field-error')).toHaveText(/1 to 63 lower-case letters/);
  await page.getByLabel('Name').fill(granted);
  await page.getByLabel('Description').fill('Granted to the new user');
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`Project ${granted} created`));
  await expect.poll(() => switcherOptions(page)).toContain(granted);
  await expect(page.getByRole('link', { name: granted, exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Email').fill(`${username}@example.org`);
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(page.locator('.field-error')).toHaveText('At least 8 characters.');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create the user' }).click();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`User ${username} created`));
  const users = page.getByRole('table', { name: 'All users' });
  await expect(users.getByRole('row').filter({ hasText: username })).toContainText('enabled');
  await screenshot(page, 'admin-users');

  await users.getByRole('link', { name: username, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`User ${username}`);
  const grant = page.getByRole('form', { name: 'Grant a role' });
  await grant.getByLabel('Project').selectOption(granted);
  await grant.getByLabel('Role').selectOption('member');
  await grant.getByRole('button', { name: 'Grant' }).click();
  const roles = page.getByRole('table', { name: 'Roles in projects' });
  await expect(roles.getByRole('row').filter({ hasText: granted })).toContainText('member');
  await screenshot(page, 'admin-user');
  expect((await admin.call('GET', `/api/v1/admin/users/${username}/assignments`)).items).toEqual([{ username, project: granted, role: 'member' }]);

  await page.getByRole('link', { name: 'Audit log' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.getByRole('row').filter({ hasText: 'user.create' }).filter({ hasText: username })).toBeVisible();
  await expect(audit.getByRole('row').filter({ hasText: 'assignment.grant' }).filter({ hasText: `${username}@${granted}:member` })).toBeVisible();
  await screenshot(page, 'admin-audit');
  await page.getByLabel('Action').fill('assignment.grant');
  await expect(audit.getByRole('row').filter({ hasText: 'user.create' })).toHaveCount(0);

  await logout(page);
  await login(page, username, password);
  // The login goes back to where the last session was (the audit log): start from the top instead.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/p/${granted}$`));
  await expect.poll(() => switcherOptions(page)).toEqual([granted]);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);

  allowConsole(/status of 403/);
  await page.goto(`/p/${other}/catalog`);
  await expect(page.getByText('You may not do this in this project.').first()).toBeVisible();
  expect(await switcherOptions(page)).not.toContain(other);
  await page.goto('/admin');
  await expect(page.getByText('Only platform administrators may use the administration.')).toBeVisible();
});

test('a disabled user cannot log in until enabled again, and a revoked role is gone', async ({ page, admin, allowConsole }) => {
  const project = unique('access');
  const username = unique('user');
  const password = 'another long password';
  await admin.createProject(project);
  await admin.createUser(username, password);
  await admin.grant(username, project, 'member');

  await login(page, 'admin', adminPassword());
  await page.goto(`/admin/users/${username}`);
  await page.getByRole('button', { name: 'Disable' }).click();
  await expect(page.locator('dl.facts')).toContainText('disabled');
  expect((await admin.call('GET', `/api/v1/admin/users/${username}`)).enabled).toBe(false);
  await logout(page);

  allowConsole(/status of 403/);
  await tryLogin(page, username, password);
  await expect(page.getByRole('alert')).toContainText('This account is disabled. Ask a platform administrator to enable it.');

  await tryLogin(page, 'admin', adminPassword());
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.goto(`/admin/users/${username}`);
  await page.getByRole('button', { name: 'Enable' }).click();
  await expect(page.locator('dl.facts')).toContainText('enabled');
  await logout(page);
  await login(page, username, password);
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/p/${project}$`));
  await expect.poll(() => switcherOptions(page)).toEqual([project]);
  await logout(page);

  await login(page, 'admin', adminPassword());
  await page.goto(`/admin/users/${username}`);
  await page.getByRole('button', { name: `Revoke member in ${project}` }).click();
  await expect(page.getByText('No role in any project yet.')).toBeVisible();
  expect((await admin.call('GET', `/api/v1/admin/users/${username}/assignments`)).items).toEqual([]);
  await logout(page);
  await login(page, username, password);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No project yet' })).toBeVisible();
  expect(await switcherOptions(page)).toEqual([]);
});

test('a project admin creates, hides and deletes a template', async ({ page, admin, allowConsole }) => {
  const project = unique('templates');
  await admin.createProject(project);
  await login(page, 'admin', adminPassword());
  await page.goto(`/p/${project}/templates`);
  await expect(page.getByText('This project has no templates yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New template' }).click();
  const form = page.getByRole('form', { name: 'New template' });
  await form.getByLabel('Name', { exact: true }).fill('Bad Name!');
  await form.getByLabel('Label', { exact: true }).fill('Weather station');
  await form.getByLabel('Description').fill('Readings of one station');
  await form.getByRole('textbox', { name: 'Accepted types' }).fill('text/csv');
  await form.getByRole('button', { name: 'Add to Accepted types' }).click();
  await form.getByRole('button', { name: 'Add a field' }).click();
  await form.getByLabel('Name of field 1').fill('site');
  await form.getByLabel('Label of field 1').fill('Site');
  await form.getByLabel('Field 1 is required').check();
  await form.getByRole('button', { name: 'Add a field' }).click();
  await form.getByLabel('Name of field 2').fill('kind');
  await form.getByLabel('Type of field 2').selectOption('enum');
  const options = form.getByRole('textbox', { name: 'Options of field 2' });
  await options.fill('rain');
  await options.press('Enter');
  await options.fill('wind');
  await form.getByRole('button', { name: 'Add to Options of field 2' }).click();
  await form.getByLabel('Processing hints (JSON, optional)').fill('{"table": ');

  await form.getByRole('button', { name: 'Create the template' }).click();
  await expect(form.locator('.field-error')).toHaveText(/not a JSON object/);
  await form.getByLabel('Processing hints (JSON, optional)').fill('');

  allowConsole(/status of 400/);
  await form.getByRole('button', { name: 'Create the template' }).click();
  await expect(form.getByRole('alert')).toContainText("The template is not valid: Template name 'Bad Name!' must be lower-case");

  await form.getByLabel('Name', { exact: true }).fill('weather');
  await form.getByRole('button', { name: 'Move field 2 up' }).click();
  await form.getByRole('button', { name: 'Create the template' }).click();
  await expect(page.getByRole('status')).toHaveText('Template weather saved.');
  const card = page.getByRole('article', { name: /Weather station/ });
  await expect(card).toContainText('text/csv');
  await expect(card.getByRole('table')).toContainText('rain, wind');
  await screenshot(page, 'templates');

  const stored = await admin.call('GET', `/api/v1/projects/${project}/templates/weather`);
  expect(stored.accepted_mime_types).toEqual(['text/csv']);
  expect(stored.fields).toEqual([
    { name: 'kind', label: 'kind', type: 'enum', required: false, options: ['rain', 'wind'] },
    { name: 'site', label: 'Site', type: 'text', required: true, options: [] },
  ]);
  expect(stored.visible).toBe(true);

  await card.getByRole('button', { name: 'Hide' }).click();
  await expect(card.getByText('hidden', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Show' })).toBeVisible();
  expect((await admin.call('GET', `/api/v1/projects/${project}/templates/weather`)).visible).toBe(false);

  await card.getByRole('button', { name: 'Delete' }).click();
  await card.getByRole('group', { name: 'Delete the template weather?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText('This project has no templates yet.')).toBeVisible();
  const gone = await admin.api.get(`/api/v1/projects/${project}/templates/weather`);
  expect(gone.status()).toBe(404);
});
