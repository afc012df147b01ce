// The state of one file on the Upload page, from chosen to stored.

import type { PreviousUpload } from 'tus-js-client';

export type ItemStatus = 'draft' | 'queued' | 'sending' | 'paused' | 'interrupted' | 'done' | 'failed' | 'cancelled';

/** What the user tells about a file before sending it. */
export interface Details {
  dataProcessing: string;
  template: string;
  values: Record<string, string>;
  description: string;
}

export const EMPTY_DETAILS: Details = { dataProcessing: '', template: '', values: {}, description: '' };

/** An unfinished upload of the same file from an earlier session, and how far the lake got. */
export interface Previous {
  upload: PreviousUpload;
  offset: number;
  length: number;
}

export interface Sample {
  at: number;
  bytes: number;
}

export interface FileItem {
  id: string;
  file: File;
  details: Details;
  status: ItemStatus;
  /** Bytes sent so far (the lake's offset once known). */
  sent: number;
  /** Recent (time, bytes) pairs for the rate; a few seconds' worth. */
  samples: Sample[];
  objectId: number | null;
  error: unknown;
  fieldErrors: Record<string, string>;
  /** Set while a previous upload of this file will be resumed: its details are the ones the lake already has. */
  previous: Previous | null;
  /** Looking for a previous upload of this file. */
  checking: boolean;
}
