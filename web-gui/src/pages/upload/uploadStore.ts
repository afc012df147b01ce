// The files of the Upload page and their tus uploads, kept outside the page so that sending goes on while the user
// looks at other pages of the app: added, checked, queued, sent two at a time, paused, resumed (by hand or when the
// browser is back online) and cancelled. One store per user and project.

import type { Upload } from 'tus-js-client';
import { ApiError } from '../../api/client';
import { createUpload, detailsOf, discard, findPrevious, forgetUrl, isTransient, objectIdOf, problemOf } from './tus';
import { EMPTY_DETAILS, type Details, type FileItem } from './types';

const PARALLEL = 2;
const RATE_WINDOW_MS = 5000;

/** What to send with the upload; tus-js-client base64-encodes each value. */
export interface SendMetadata {
  filename: string;
  template?: string;
  metadata?: string;
  data_processing?: string;
  description?: string;
}

type Change = Partial<FileItem> | ((item: FileItem) => Partial<FileItem>);
type Listener = () => void;

let counter = 0;
const newId = () => `file-${Date.now().toString(36)}-${counter++}`;

export class UploadStore {
  private items: FileItem[] = [];
  private readonly uploads = new Map<string, Upload>();
  private readonly metadata = new Map<string, SendMetadata>();
  private readonly accepted = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private readonly settledListeners = new Set<Listener>();

  constructor(readonly owner: string, readonly project: string) {}

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  snapshot = () => this.items;

  /** Called when an upload ends one way or another, e.g. to refresh the list of unfinished uploads. */
  onSettled(listener: Listener) {
    this.settledListeners.add(listener);
    return () => void this.settledListeners.delete(listener);
  }

  private settled() {
    this.settledListeners.forEach((listener) => listener());
  }

  private set(items: FileItem[]) {
    this.items = items;
    this.listeners.forEach((listener) => listener());
    // Two at a time: more would only share the same connection and finish nothing sooner.
    queueMicrotask(() => this.startWaiting());
  }

  private update(id: string, change: Change) {
    this.set(this.items.map((item) => (item.id === id ? { ...item, ...(typeof change === 'function' ? change(item) : change) } : item)));
  }

  private startWaiting() {
    const free = PARALLEL - this.items.filter((item) => item.status === 'sending').length;
    this.items
      .filter((item) => item.status === 'queued' && !this.uploads.has(item.id))
      .slice(0, Math.max(0, free))
      .forEach((item) => this.start(item));
  }

  add(files: File[]) {
    const added = files.map<FileItem>((file) => ({
      id: newId(), file, details: EMPTY_DETAILS, status: 'draft', sent: 0, samples: [], objectId: null, error: null,
      fieldErrors: {}, previous: null, checking: true,
    }));
    this.set([...this.items, ...added]);
    // A file picked again after a closed tab or a lost network goes on where the lake stopped.
    for (const item of added) {
      findPrevious(item.file, this.project)
        .then((previous) =>
          this.update(item.id, previous ? { previous, details: detailsOf(previous.upload), sent: previous.offset, checking: false } : { checking: false }),
        )
        .catch(() => this.update(item.id, { checking: false }));
    }
  }

  setDetails(id: string, details: Details, fieldErrors?: Record<string, string>) {
    this.update(id, (item) => ({ details, fieldErrors: fieldErrors ?? item.fieldErrors }));
  }

  queue(id: string, metadata: SendMetadata) {
    this.metadata.set(id, metadata);
    this.update(id, { status: 'queued', error: null, fieldErrors: {} });
  }

  private start(item: FileItem) {
    const metadata = this.metadata.get(item.id) ?? { filename: item.file.name };
    const upload = createUpload(item.file, this.project, metadata as unknown as Record<string, string>, {
      onProgress: (sent) =>
        this.update(item.id, (current) => {
          const now = performance.now();
          return { sent, samples: [...current.samples.filter((s) => now - s.at <= RATE_WINDOW_MS), { at: now, bytes: sent }] };
        }),
      // What the lake has confirmed: after an interruption, the part sent but unconfirmed does not count.
      onChunkComplete: (_chunk, accepted) => void this.accepted.set(item.id, accepted),
      onSuccess: ({ lastResponse }) => {
        this.uploads.delete(item.id);
        this.update(item.id, { status: 'done', sent: item.file.size, objectId: objectIdOf(lastResponse), previous: null, error: null });
        this.settled();
      },
      onError: (error) => {
        const problem = problemOf(error);
        if (isTransient(problem.status)) {
          const accepted = this.accepted.get(item.id);
          this.update(item.id, (current) => ({ status: 'interrupted', error: problem, samples: [], sent: accepted ?? current.previous?.offset ?? 0 }));
          return;
        }
        // Refused for good: the lake deleted what it had, so a new attempt starts afresh.
        void forgetUrl(this.project, upload.url);
        this.uploads.delete(item.id);
        const fieldErrors = problem instanceof ApiError && problem.code === 'invalid_metadata' ? problem.problem.fields ?? {} : {};
        this.update(item.id, { status: 'failed', error: problem, fieldErrors, sent: 0, samples: [], previous: null });
        this.settled();
      },
    });
    if (item.previous) upload.resumeFromPreviousUpload(item.previous.upload);
    this.uploads.set(item.id, upload);
    this.update(item.id, { status: 'sending', error: null, samples: [] });
    upload.start();
  }

  pause(id: string) {
    void this.uploads.get(id)?.abort();
    this.update(id, { status: 'paused', samples: [] });
  }

  resume(id: string) {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.update(id, { status: 'sending', error: null, samples: [] });
    upload.start();
  }

  resumeInterrupted() {
    this.items.filter((item) => item.status === 'interrupted').forEach((item) => this.resume(item.id));
  }

  cancel(id: string) {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    this.update(id, { status: 'cancelled', samples: [], error: null });
    // abort(true) also DELETEs the upload on the lake, so its bytes do not linger.
    if (upload) void upload.abort(true).catch(() => undefined).then(() => this.settled());
  }

  remove(id: string) {
    void this.uploads.get(id)?.abort();
    this.uploads.delete(id);
    this.metadata.delete(id);
    this.set(this.items.filter((item) => item.id !== id));
  }

  /** Starts afresh instead of resuming: the earlier upload is cancelled on the lake. */
  startAfresh(id: string) {
    const item = this.items.find((candidate) => candidate.id === id);
    if (item?.previous) void discard(item.previous.upload).then(() => this.settled());
    this.update(id, { previous: null, sent: 0 });
  }

  /** The lake addresses of the uploads this store is working on. */
  activeUrls(): string[] {
    return [...this.uploads.values()].map((upload) => upload.url).filter((url): url is string => !!url);
  }

  /** Stops sending (the lake keeps what it has) and forgets the files. */
  dispose() {
    this.uploads.forEach((upload) => void upload.abort());
    this.uploads.clear();
    this.listeners.clear();
    this.settledListeners.clear();
  }
}

const stores = new Map<string, UploadStore>();

export function storeFor(owner: string, project: string): UploadStore {
  // Another user logged in: the previous user's uploads stop (their token is gone anyway).
  for (const [key, store] of stores) {
    if (store.owner !== owner) {
      store.dispose();
      stores.delete(key);
    }
  }
  const key = `${owner}|${project}`;
  let store = stores.get(key);
  if (!store) {
    store = new UploadStore(owner, project);
    stores.set(key, store);
  }
  return store;
}

// Back online: interrupted uploads go on by themselves.
if (typeof window !== 'undefined') window.addEventListener('online', () => stores.forEach((store) => store.resumeInterrupted()));
