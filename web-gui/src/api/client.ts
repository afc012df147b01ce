// The one way the app talks to the lake: fetch with the session's token, JSON in and out, and every failure turned
// into an ApiError that carries the server's problem document (RFC 9457), so pages can show it as a sentence.

import { currentToken, notifyUnauthenticated } from '../session/tokenStore';

export interface Problem {
  status: number;
  code: string;
  detail?: string;
  title?: string;
  request_id?: string;
  fields?: Record<string, string>;
  parameter?: string;
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

/** A failure that never reached the server (offline, DNS, refused): code "network". */
export function networkError(cause: unknown): ApiError {
  return new ApiError({ status: 0, code: 'network', detail: String(cause) });
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

/** `/api/v1/projects/a b/objects` with query `{limit: 5}` → an encoded URL; empty values are left out. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Encodes one path segment (a project, a table, a node key). */
export const seg = (value: string | number) => encodeURIComponent(String(value));

/** The API path of a project: `project('sensors', 'objects', 42)` → `/api/v1/projects/sensors/objects/42`. */
export function projectPath(project: string, ...parts: (string | number)[]): string {
  return ['/api/v1/projects', seg(project), ...parts.map(seg)].join('/');
}

export interface RequestOptions {
  method?: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** Sends a request and returns the response if it succeeded; throws ApiError otherwise. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = currentToken();
  if (token) headers['X-Auth-Token'] = token;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
  if (response.ok) return response;
  const problem = await problemOf(response);
  if (problem.status === 401 && token && path !== '/api/v1/auth/tokens') {
    notifyUnauthenticated(problem.code);
  }
  throw new ApiError(problem);
}

export async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = await response.json();
    if (body && typeof body.code === 'string') return { ...body, status: response.status };
  } catch {
    // not a problem document: a proxy's page, say
  }
  return { status: response.status, code: response.status >= 500 ? 'internal' : 'http_' + response.status };
}

export const get = <T>(path: string, query?: Query) => request<T>(path, { query });
export const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body });
export const patch = <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body });
export const del = (path: string) => request<void>(path, { method: 'DELETE' });
