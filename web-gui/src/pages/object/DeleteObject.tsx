import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { del, projectPath } from '../../api/client';
import type { LakeObject } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';

/** Delete asks once more in place (no browser dialog), then goes back to the catalog. */
export function DeleteObject({ project, object }: { project: string; object: LakeObject }) {
  const { t } = useTranslation('object');
  const [confirming, setConfirming] = useState(false);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => del(projectPath(project, 'objects', object.id)),
    onSuccess: () => {
      queries.removeQueries({ queryKey: ['object', project, String(object.id)] });
      void queries.invalidateQueries({ queryKey: ['objects', project] });
      navigate(`/p/${encodeURIComponent(project)}/catalog`);
    },
  });
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        {t('common:actions.delete')}
      </button>
    );
  }
  return (
    <div className="object-confirm" role="group" aria-label={t('delete.label')}>
      <p>{t('delete.question', { name: object.original_object_name })}</p>
      <div className="row">
        <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {t('delete.confirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
          {t('common:actions.cancel')}
        </button>
      </div>
      {remove.error && <ProblemMessage error={remove.error} />}
    </div>
  );
}
