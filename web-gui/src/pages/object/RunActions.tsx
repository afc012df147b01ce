import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, projectPath } from '../../api/client';
import type { Page, Run } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { runsKey } from './api';

/** Redo (whole, or from a step) for an ended run, cancel for a queued or running one. */
export function RunActions({ project, objectId, run }: { project: string; objectId: string; run: Run }) {
  const { t } = useTranslation('object');
  const queries = useQueryClient();
  const [step, setStep] = useState('');
  const ended = run.state !== 'queued' && run.state !== 'running';
  // The answer is the run as it now is: show it at once; the runs list then polls while it is active.
  const replace = (updated: Run) =>
    queries.setQueryData<Page<Run>>(runsKey(project, objectId), (page) =>
      page ? { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) } : page,
    );
  const redo = useMutation({
    mutationFn: () => post<Run>(projectPath(project, 'runs', run.id, 'redo'), step ? { step } : undefined),
    onSuccess: replace,
  });
  const cancel = useMutation({
    mutationFn: () => post<Run>(projectPath(project, 'runs', run.id, 'cancel')),
    onSuccess: replace,
  });
  const selectId = `redo-step-${run.id}`;
  return (
    <div className="object-run-actions">
      <div className="row">
        {ended ? (
          <>
            {run.steps.length > 1 && (
              <>
                <label htmlFor={selectId}>{t('runs.redoFromLabel')}</label>
                <select id={selectId} value={step} onChange={(e) => setStep(e.target.value)}>
                  <option value="">{t('runs.wholeRun')}</option>
                  {run.steps.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="button" disabled={redo.isPending} onClick={() => { cancel.reset(); redo.mutate(); }}>
              {t('runs.redo')}
            </button>
          </>
        ) : (
          <button type="button" className="danger" disabled={cancel.isPending || run.cancel_requested}
            onClick={() => { redo.reset(); cancel.mutate(); }}>
            {t('runs.cancel')}
          </button>
        )}
      </div>
      {redo.error && <ProblemMessage error={redo.error} />}
      {cancel.error && <ProblemMessage error={cancel.error} />}
    </div>
  );
}
