// The lake under test, reached over its REST API: to set up what a test needs (projects, users, templates) and to
// check what the GUI did. Everything here goes through the same public API the GUI uses.

import { request, type APIRequestContext } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';

export const ADMIN = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-password';

export function lakeUrl(): string {
  const url = process.env.ZONELAKE_E2E_URL;
  if (!url) throw new Error('ZONELAKE_E2E_URL is not set: run the tests through playwright.config.ts');
  return url;
}

export function adminPassword(): string {
  return process.env.ZONELAKE_E2E_ADMIN_PASSWORD ?? ADMIN_PASSWORD;
}

let counter = 0;
/** A name no earlier run used: tests share one lake. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class Lake {
  private constructor(readonly api: APIRequestContext, readonly token: string) {}

  static async login(username = ADMIN, password = adminPassword()): Promise<Lake> {
    const anonymous = await request.newContext({ baseURL: lakeUrl() });
    const answer = await anonymous.post('/api/v1/auth/tokens', { data: { username, password } });
    if (answer.status() !== 201) throw new Error(`login of ${username}: ${answer.status()} ${await answer.text()}`);
    const token = (await answer.json()).token as string;
    await anonymous.dispose();
    const api = await request.newContext({ baseURL: lakeUrl(), extraHTTPHeaders: { 'X-Auth-Token': token } });
    return new Lake(api, token);
  }

  async call<T = any>(method: string, path: string, data?: unknown): Promise<T> {
    const answer = await this.api.fetch(path, { method, data });
    if (!answer.ok()) throw new Error(`${method} ${path}: ${answer.status()} ${await answer.text()}`);
    return answer.status() === 204 ? (undefined as T) : ((await answer.json()) as T);
  }

  createProject(name: string) {
    return this.call('POST', '/api/v1/projects', { name, description: `Project ${name}` });
  }

  createUser(username: string, password: string) {
    return this.call('POST', '/api/v1/admin/users', { username, password });
  }

  grant(username: string, project: string, role: 'reader' | 'member' | 'admin') {
    return this.call('POST', `/api/v1/admin/users/${username}/assignments`, { project, role });
  }

  createTemplate(project: string, template: object) {
    return this.call('POST', `/api/v1/projects/${project}/templates`, template);
  }

  /** Uploads in one request (multipart), as a script would; answers the object's document. */
  async upload(project: string, name: string, bytes: Buffer, metadata?: object): Promise<{ id: number; sha256: string }> {
    const multipart: Record<string, any> = {};
    if (metadata) multipart.metadata = { name: 'metadata.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(metadata)) };
    multipart.file = { name, mimeType: 'application/octet-stream', buffer: bytes };
    const answer = await this.api.post(`/api/v1/projects/${project}/objects`, { multipart });
    if (answer.status() !== 201) throw new Error(`upload of ${name}: ${answer.status()} ${await answer.text()}`);
    return answer.json();
  }

  /** Polls the object's runs until every one has ended; answers them. */
  async awaitRunsEnded(project: string, objectId: number, timeoutMs = 120_000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const runs = (await this.call('GET', `/api/v1/projects/${project}/runs?object_id=${objectId}`)).items as any[];
      if (runs.length > 0 && runs.every((run) => !['queued', 'running'].includes(run.state))) return runs;
      if (Date.now() > deadline) throw new Error(`runs of object ${objectId} still going: ${JSON.stringify(runs)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async dispose() {
    await this.api.dispose();
  }
}
