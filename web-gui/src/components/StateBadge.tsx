import { useTranslation } from 'react-i18next';

const TONE: Record<string, string> = {
  failed: 'bad', cancelled: 'muted', not_handled: 'warn', succeeded: 'good', processed: 'good', stored: 'info',
  running: 'busy', processing: 'busy', receiving: 'busy', queued: 'info', pending: 'info',
};

/** A run's or an upload's state; failed and not-handled ones stand out, with their reason next to them. */
export function StateBadge({ state, reason }: { state: string; reason?: string | null }) {
  const { t, i18n } = useTranslation();
  const label = i18n.exists(`states.${state}`) ? t(`states.${state}`) : state;
  return (
    <span className="state">
      <span className={`badge badge-${TONE[state] ?? 'info'}`} data-state={state}>
        {label}
      </span>
      {reason ? <span className="state-reason">{reason}</span> : null}
    </span>
  );
}
