// The catalog's search lives in the URL's query string, so a search can be shared, bookmarked and survives a reload.

import type { Query } from '../../api/client';

export const SORTS = ['creation_date', 'original_object_name', 'size', 'id'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';
export const LIMITS = [25, 50, 100];
const DEFAULT_LIMIT = 25;

export interface CatalogSearch {
  q: string;
  content_type: string;
  from: string;
  to: string;
  template: string;
  /** Template field values, by field name (`field.<name>` in the URL and the API). */
  fields: Record<string, string>;
  sort: Sort;
  order: Order;
  limit: number;
}

const TEXT_KEYS = ['q', 'content_type', 'from', 'to', 'template'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export function readSearch(params: URLSearchParams): CatalogSearch {
  const fields: Record<string, string> = {};
  params.forEach((value, key) => {
    if (key.startsWith('field.') && value) fields[key.slice('field.'.length)] = value;
  });
  const sort = params.get('sort') as Sort;
  const limit = Number(params.get('limit'));
  return {
    q: params.get('q') ?? '',
    content_type: params.get('content_type') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    template: params.get('template') ?? '',
    // Field values only mean something with their template.
    fields: params.get('template') ? fields : {},
    sort: SORTS.includes(sort) ? sort : 'creation_date',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 1000 ? limit : DEFAULT_LIMIT,
  };
}

/** The URL's query string; defaults are left out to keep shared links short. */
export function writeSearch(search: CatalogSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (search[key].trim()) params.set(key, search[key].trim());
  if (search.template) {
    for (const [name, value] of Object.entries(search.fields)) if (value.trim()) params.set(`field.${name}`, value.trim());
  }
  if (search.sort !== 'creation_date') params.set('sort', search.sort);
  if (search.order !== 'desc') params.set('order', search.order);
  if (search.limit !== DEFAULT_LIMIT) params.set('limit', String(search.limit));
  return params;
}

/** The query of GET …/objects for this search (without the cursor). */
export function objectsQuery(search: CatalogSearch): Query {
  const query: Query = { sort: search.sort, order: search.order, limit: search.limit };
  for (const key of TEXT_KEYS) query[key] = search[key].trim();
  if (search.template) for (const [name, value] of Object.entries(search.fields)) query[`field.${name}`] = value.trim();
  return query;
}

export function hasFilters(search: CatalogSearch): boolean {
  return TEXT_KEYS.some((key) => search[key].trim() !== '');
}
