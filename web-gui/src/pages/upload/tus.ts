// Resumable uploads with tus-js-client: the options the lake needs, the fingerprints that let a reopened tab find
// an unfinished upload of the same file, and the lake's answers turned into ApiErrors.

import { DetailedError, Upload, defaultOptions, type PreviousUpload, type UploadOptions } from 'tus-js-client';
import { ApiError, networkError, projectPath, send, type Problem } from '../../api/client';
import { currentToken, loadSession, notifyUnauthenticated } from '../../session/tokenStore';

export const CHUNK_SIZE = 8 * 1024 * 1024;
export const RETRY_DELAYS = [0, 1000, 3000, 5000];

export function endpointOf(project: string): string {
  return new URL(projectPath(project, 'uploads'), window.location.origin).toString();
}

/** Who uploads where: two users of one browser, or two projects, never resume each other's uploads. */
function scope(endpoint: string): string {
  return `zonelake|${loadSession()?.user.username ?? ''}|${endpoint}|`;
}

/** The same file picked again (name, size, last change) in the same scope gives the same fingerprint. */
function fingerprint(file: File, options: UploadOptions): Promise<string> {
  return Promise.resolve(`${scope(options.endpoint ?? '')}${file.name}|${file.size}|${file.lastModified}`);
}

export type UploadCallbacks = Pick<UploadOptions, 'onProgress' | 'onChunkComplete' | 'onSuccess' | 'onError'>;

export function createUpload(file: File, project: string, metadata: Record<string, string>, callbacks: UploadCallbacks = {}): Upload {
  return new Upload(file, {
    endpoint: endpointOf(project),
    chunkSize: CHUNK_SIZE,
    retryDelays: RETRY_DELAYS,
    metadata,
    // A new login ends this page (and its uploads), so the token of the moment serves the upload's whole life.
    headers: { 'X-Auth-Token': currentToken() ?? '' },
    fingerprint,
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onShouldRetry: (error) => isTransient(statusOf(error)) && navigator.onLine !== false,
    ...callbacks,
  });
}

function statusOf(error: Error): number {
  return error instanceof DetailedError && error.originalResponse ? error.originalResponse.getStatus() : 0;
}

/** No answer, a busy or failing server, or a lost race: worth trying again later from the lake's offset. */
export function isTransient(status: number): boolean {
  return status === 0 || status >= 500 || status === 409 || status === 423;
}

/** The lake's problem document from a failed tus request, or a network error when there was no answer. */
export function problemOf(error: Error): ApiError {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (!response || response.getStatus() === 0) return networkError(error.message);
  const status = response.getStatus();
  let problem: Problem = { status, code: status >= 500 ? 'internal' : `http_${status}` };
  try {
    const body = JSON.parse(response.getBody());
    if (body && typeof body.code === 'string') problem = { ...body, status };
  } catch {
    // no problem document (a proxy's page): the status says enough
  }
  // Only this session's token ending ends the session (not that of an upload left over from an earlier login).
  const token = error instanceof DetailedError ? error.originalRequest?.getHeader('X-Auth-Token') : undefined;
  if (status === 401 && token && token === currentToken()) notifyUnauthenticated(problem.code);
  return new ApiError(problem);
}

/** The object id the lake answers on the last PATCH (or on HEAD of an upload already complete). */
export function objectIdOf(lastResponse: { getHeader(name: string): string | undefined }): number | null {
  const id = Number(lastResponse.getHeader('X-Object-Id'));
  return Number.isFinite(id) && id > 0 ? id : null;
}

/** How far the lake got with an upload; null when it no longer takes bytes (stored, cancelled, expired or unknown). */
export async function offsetOf(uploadUrl: string): Promise<{ offset: number; length: number } | null> {
  try {
    const response = await send(new URL(uploadUrl).pathname, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
    const offset = Number(response.headers.get('Upload-Offset'));
    const length = Number(response.headers.get('Upload-Length'));
    if (!Number.isFinite(offset) || !Number.isFinite(length)) return null;
    return { offset, length };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) return null;
    throw error;
  }
}

export function forget(previous: PreviousUpload): Promise<void> {
  return defaultOptions.urlStorage.removeUpload(previous.urlStorageKey);
}

/** Cancels an upload on the lake (deleting its bytes) and forgets it here. */
export async function discard(previous: PreviousUpload): Promise<void> {
  if (previous.uploadUrl) await Upload.terminate(previous.uploadUrl, { retryDelays: null, headers: { 'X-Auth-Token': currentToken() ?? '' } }).catch(() => undefined);
  await forget(previous);
}

// tus-js-client stores Date.toString(), which Date.parse reads back.
const newestFirst = (a: PreviousUpload, b: PreviousUpload) => Date.parse(b.creationTime) - Date.parse(a.creationTime);

/** The unfinished uploads this browser remembers for this user and project, newest first. */
export async function rememberedUploads(project: string): Promise<PreviousUpload[]> {
  const prefix = `tus::${scope(endpointOf(project))}`;
  const all = await defaultOptions.urlStorage.findAllUploads();
  return all
    .filter((upload) => upload.urlStorageKey.startsWith(prefix) && upload.uploadUrl)
    .sort(newestFirst);
}

/** The newest unfinished upload of this file that the lake still takes bytes for; stale entries are forgotten. */
export async function findPrevious(file: File, project: string): Promise<{ upload: PreviousUpload; offset: number; length: number } | null> {
  const probe = createUpload(file, project, {});
  const found = (await probe.findPreviousUploads()).sort(newestFirst);
  for (const upload of found) {
    const position = upload.uploadUrl ? await offsetOf(upload.uploadUrl) : null;
    if (position) return { upload, ...position };
    await forget(upload);
  }
  return null;
}

/** Forgets what this browser remembers of an upload that ended for good (refused, cancelled). */
export async function forgetUrl(project: string, url: string | null): Promise<void> {
  if (!url) return;
  for (const upload of await rememberedUploads(project)) if (upload.uploadUrl === url) await forget(upload);
}

/** Decodes the details stored with an upload when it was created. */
export function detailsOf(previous: PreviousUpload) {
  const m = previous.metadata ?? {};
  let values: Record<string, string> = {};
  try {
    const parsed = m.metadata ? JSON.parse(m.metadata) : {};
    values = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    // unreadable: show none
  }
  return { dataProcessing: m.data_processing ?? '', template: m.template ?? '', values, description: m.description ?? '' };
}
