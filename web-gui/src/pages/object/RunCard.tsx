import { useTranslation } from 'react-i18next';
import type { Run, RunStep } from '../../api/types';
import { StateBadge } from '../../components/StateBadge';
import { formatDateTime, formatDuration, secondsBetween } from '../../format';
import { useProject } from '../../session/useProject';
import { RunActions } from './RunActions';

/** One pipeline run: its state and times, its steps with their logs, and redo/cancel for members. */
export function RunCard({ project, objectId, run }: { project: string; objectId: string; run: Run }) {
  const { t } = useTranslation('object');
  const { canWrite } = useProject();
  return (
    <article className="card object-run" aria-labelledby={`run-${run.id}`} data-run={run.id}>
      <div className="spread">
        <h3 id={`run-${run.id}`}>
          {t('runs.pipeline', { pipeline: run.pipeline })} <span className="muted mono">{run.id}</span>
        </h3>
        <StateBadge state={run.state} />
      </div>
      {run.reason && <p className="object-detail">{run.reason}</p>}
      {run.cancel_requested && run.state === 'running' && <p className="notice">{t('runs.cancelRequested')}</p>}
      <dl className="facts object-run-facts">
        <dt>{t('runs.attempts')}</dt>
        <dd data-testid="run-attempts">{run.attempts}</dd>
        <dt>{t('runs.queued')}</dt>
        <dd>{formatDateTime(run.queued_at)}</dd>
        <dt>{t('runs.started')}</dt>
        <dd>{formatDateTime(run.started_at)}</dd>
        <dt>{t('runs.ended')}</dt>
        <dd>{formatDateTime(run.ended_at)}</dd>
        {run.started_at && (
          <>
            <dt>{t('runs.duration')}</dt>
            <dd>{formatDuration(secondsBetween(run.started_at, run.ended_at))}</dd>
          </>
        )}
        {run.redo_from_step && (
          <>
            <dt>{t('runs.redoFrom')}</dt>
            <dd>{run.redo_from_step}</dd>
          </>
        )}
      </dl>
      <h4 className="object-steps-title">{t('runs.steps')}</h4>
      <ol className="object-steps">
        {run.steps.map((step) => (
          <StepItem key={step.name} step={step} />
        ))}
      </ol>
      {canWrite && <RunActions project={project} objectId={objectId} run={run} />}
    </article>
  );
}

function StepItem({ step }: { step: RunStep }) {
  const { t } = useTranslation('object');
  return (
    <li className="object-step" data-step={step.name}>
      <div className="row">
        <strong>{step.name}</strong>
        <StateBadge state={step.state} reason={step.reason} />
      </div>
      <div className="muted object-step-facts">
        {step.started_at && t('runs.stepDuration', { duration: formatDuration(secondsBetween(step.started_at, step.ended_at)) })}
        {step.attempts > 1 && ` · ${t('runs.stepAttempts', { count: step.attempts })}`}
      </div>
      {step.log ? (
        <details>
          <summary>{t('runs.log', { step: step.name })}</summary>
          <pre>{step.log}</pre>
        </details>
      ) : null}
    </li>
  );
}
