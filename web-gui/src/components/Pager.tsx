import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Cursor paging as the API does it: the server hands out `next_cursor`; going back means remembering the cursors
 * of the pages seen. `cursor` is the current page's cursor (undefined on the first page).
 */
export function useCursorPager() {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const cursor = stack[stack.length - 1];
  return {
    cursor,
    page: stack.length,
    next: (nextCursor: string) => setStack((s) => [...s, nextCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

export function Pager({ pager, nextCursor }: { pager: ReturnType<typeof useCursorPager>; nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('pager.page', { page: pager.page })}>
      <button type="button" className="secondary" onClick={pager.previous} disabled={pager.page <= 1}>
        ← {t('actions.previous')}
      </button>
      <span>{t('pager.page', { page: pager.page })}</span>
      <button type="button" className="secondary" onClick={() => nextCursor && pager.next(nextCursor)} disabled={!nextCursor}>
        {t('actions.next')} →
      </button>
    </nav>
  );
}
