import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The sentence for an error: the API's problem code in the reader's language, with what to do. */
export function useProblemSentence() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`;
      const detail = error.problem.detail ?? '';
      if (i18n.exists(key)) return t(key, { detail });
      return t('problem.fallback', { status: error.status, detail: detail || error.code });
    }
    return error instanceof Error ? error.message : String(error);
  };
}

/** An error shown as a sentence (role=alert, so screen readers hear it), with the request id to quote. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const sentence = useProblemSentence();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.problem.request_id : undefined;
  return (
    <div className="problem" role="alert">
      <p>{sentence(error)}</p>
      {requestId && <p className="problem-id">{t('problem.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      )}
    </div>
  );
}
