import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDateTime } from '../../format';
import { discard, forget, offsetOf, rememberedUploads } from './tus';

export const unfinishedKey = (project: string) => ['upload', 'unfinished', project];

/** Where the lake stands with each upload this browser remembers; those it no longer takes bytes for are forgotten. */
async function unfinished(project: string) {
  const remembered = await rememberedUploads(project);
  const checked = await Promise.all(
    remembered.map(async (upload) => {
      const position = await offsetOf(upload.uploadUrl!).catch(() => undefined);
      if (position === null) await forget(upload);
      return position ? { upload, ...position } : null;
    }),
  );
  return checked.filter((entry) => entry !== null);
}

/** Uploads of earlier visits that stopped before the end: picking the same file again resumes them. */
export function UnfinishedUploads({ project, hide }: { project: string; hide: Set<string> }) {
  const { t } = useTranslation('upload');
  const queries = useQueryClient();
  const list = useQuery({ queryKey: unfinishedKey(project), queryFn: () => unfinished(project), staleTime: Infinity });
  const shown = (list.data ?? []).filter((entry) => !hide.has(entry.upload.uploadUrl!));
  if (shown.length === 0) return null;
  return (
    <section className="card" aria-labelledby="unfinished-title">
      <h2 id="unfinished-title">{t('unfinished.title')}</h2>
      <p>{t('unfinished.text')}</p>
      <ul className="unfinished">
        {shown.map(({ upload, offset, length }) => {
          const name = upload.metadata?.filename ?? '?';
          return (
            <li key={upload.urlStorageKey} className="spread">
              <span>
                {t('unfinished.row', {
                  name,
                  sent: formatBytes(offset),
                  total: formatBytes(length),
                  percent: Math.floor((offset / Math.max(length, 1)) * 100),
                  when: formatDateTime(upload.creationTime),
                })}
              </span>
              <button
                type="button"
                className="secondary"
                onClick={() => void discard(upload).then(() => queries.invalidateQueries({ queryKey: unfinishedKey(project) }))}
              >
                {t('unfinished.discard', { name })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
