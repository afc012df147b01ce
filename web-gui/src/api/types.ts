// Shapes of the REST API's answers (docs/api.md; the OpenAPI document at /api/openapi.json is the full reference).

export type Role = 'reader' | 'member' | 'admin';

export interface UserInfo {
  username: string;
  platform_admin: boolean;
  projects: { project: string; role: Role }[];
}

export interface TokenResponse {
  token: string;
  expires_at: string;
  user: UserInfo;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Project {
  name: string;
  description: string;
  created_at: string;
  role: Role | null;
}

export interface LakeObject {
  id: number;
  project: string;
  original_object_name: string;
  content_type: string;
  uploader: string;
  template: string | null;
  other_data: Record<string, unknown>;
  sha256: string;
  size: number;
  status: string;
  creation_date: string;
  last_modified: string;
  successful_operations: unknown[];
  failed_operations: unknown[];
  parent_id: number | null;
  description?: string | null;
  data_processing?: string | null;
  application?: string | null;
}

export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'enum';

export interface TemplateField {
  name: string;
  label?: string | null;
  type: FieldType;
  required?: boolean;
  options?: string[] | null;
}

export interface Template {
  name: string;
  label?: string | null;
  description?: string | null;
  accepted_mime_types: string[];
  fields: TemplateField[];
  visible: boolean;
  editable: boolean;
  deletable: boolean;
  processing?: unknown;
}

export type UploadState = 'receiving' | 'stored' | 'processing' | 'processed' | 'failed' | 'not_handled' | 'cancelled' | string;

export interface UploadRecord {
  id: string;
  [key: string]: unknown;
}

export type RunState = 'queued' | 'running' | 'succeeded' | 'failed' | 'not_handled' | 'cancelled';

export interface RunStep {
  name: string;
  state: string;
  attempts: number;
  started_at: string | null;
  ended_at: string | null;
  reason: string;
  log: string;
}

export interface Run {
  id: string;
  project: string;
  object_id: number;
  pipeline: string;
  state: RunState;
  attempts: number;
  queued_at: string;
  started_at: string | null;
  ended_at: string | null;
  reason: string;
  redo_from_step: string | null;
  cancel_requested: boolean;
  steps: RunStep[];
}

export interface Lineage {
  object_id: number;
  parent_id: number | null;
  runs: { id: string; pipeline: string; state: string }[];
  items: { zone: string; kind: string; name: string; count: number; run_id: string }[];
  derived_objects: number[];
}

export interface Measurement {
  name: string;
  tag_keys: string[];
  field_keys: string[];
}

export interface SeriesQuery {
  measurement: string;
  field: string;
  aggregate: string;
  interval: string;
  from: string;
  to: string;
  buckets: { time: string; value: number | null }[];
}

export interface TableColumn {
  name: string;
  type: string;
  scale?: number | null;
}

export interface GoldTable {
  name: string;
  source_object_id: number | null;
  source_object_ids: number[];
  row_count: number;
  last_run_id: string | null;
  columns: TableColumn[];
}

export interface TableRows {
  columns: TableColumn[] | string[];
  rows: unknown[][];
  next_offset: number | null;
}

export interface GraphNode {
  key: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface GraphRelationship {
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface Graph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

export interface AdminUser {
  username: string;
  email: string | null;
  enabled: boolean;
  platform_admin: boolean;
  created_at: string;
}

export interface Assignment {
  username: string;
  project: string;
  role: Role;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  target: string;
  outcome: string;
  request_id: string;
  detail: string;
}
