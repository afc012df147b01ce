import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './templates.css';

interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting, e.g. "Delete the template station?". */
  question: string;
  onConfirm: () => void;
  busy?: boolean;
}

/** A destructive action asked twice, in the page rather than a browser dialog, so keyboards and screen readers follow. */
export function ConfirmButton({ label, question, onConfirm, busy }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)} disabled={busy}>
        {label}
      </button>
    );
  }
  return (
    <span className="row confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('actions.cancel')}
      </button>
    </span>
  );
}
