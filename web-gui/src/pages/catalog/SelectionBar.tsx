import type { RowSelectionState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { apiUrl, projectPath } from '../../api/client';

/** What is selected and the link that downloads it as one zip, streamed by the server (the cookie authenticates). */
export function SelectionBar({ project, selection, onClear }: { project: string; selection: RowSelectionState; onClear: () => void }) {
  const { t } = useTranslation('catalog');
  const ids = Object.keys(selection).filter((id) => selection[id]);
  return (
    <div className="row catalog-selection" aria-live="polite">
      <span>{t('selection.count', { count: ids.length })}</span>
      {ids.length > 0 && (
        <>
          <a className="button" href={apiUrl(projectPath(project, 'objects', 'archive'), { ids: ids.join(',') })} download>
            {t('selection.zip')}
          </a>
          <button type="button" className="secondary" onClick={onClear}>
            {t('selection.clear')}
          </button>
        </>
      )}
    </div>
  );
}
