import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

// The page keeps its whole state in the address (?tab=series&measurement=…), so that a view can be linked to,
// reloaded, and walked back through with the browser's history.

export const TABS = ['series', 'table', 'graph'] as const;
export type Tab = (typeof TABS)[number];

export type Changes = Record<string, string | number | null | undefined>;

export function useVisualiseParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Changes, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: options.replace },
      );
    },
    [setParams],
  );
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'series';
  return { params, update, tab };
}

/** The `tag.<key>` parameters as key → value. */
export function tagsOf(params: URLSearchParams): Record<string, string> {
  const tags: Record<string, string> = {};
  params.forEach((value, key) => {
    if (key.startsWith('tag.') && value) tags[key.slice(4)] = value;
  });
  return tags;
}

/** Changes that clear every `tag.<key>` parameter. */
export function clearTags(params: URLSearchParams): Changes {
  const changes: Changes = {};
  params.forEach((_, key) => {
    if (key.startsWith('tag.')) changes[key] = null;
  });
  return changes;
}
