import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useProject } from '../../session/useProject';
import { GraphTab } from './GraphTab';
import { TABS, useVisualiseParams, type Tab } from './params';
import { SeriesTab } from './SeriesTab';
import { TableTab } from './TableTab';
import './visualise.css';

/** Time series, table preview and graph view of the project's processed data, one tab each. */
export function VisualisePage() {
  const { t } = useTranslation('visualise');
  const { project } = useProject();
  const { tab, params, update } = useVisualiseParams();

  // Another tab's parameters mean nothing here; the object stays, since each tab reads it.
  const open = (next: Tab) => {
    if (next === tab) return;
    const changes: Record<string, null | string> = {};
    params.forEach((_, key) => {
      if (key !== 'object') changes[key] = null;
    });
    update({ ...changes, tab: next });
  };

  return (
    <section>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <TabList current={tab} onOpen={open} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="visualise-panel">
        {tab === 'series' && <SeriesTab project={project} />}
        {tab === 'table' && <TableTab project={project} />}
        {tab === 'graph' && <GraphTab project={project} />}
      </div>
    </section>
  );
}

/** A tablist as ARIA describes it: one tab in the tab order, arrow keys, Home and End move and open. */
function TabList({ current, onOpen }: { current: Tab; onOpen: (tab: Tab) => void }) {
  const { t } = useTranslation('visualise');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const focused = buttons.current.indexOf(event.target as HTMLButtonElement);
    const index = focused >= 0 ? focused : TABS.indexOf(current);
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + TABS.length) % TABS.length;
    onOpen(TABS[next]);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('tabs.label')} className="tabs" onKeyDown={onKeyDown}>
      {TABS.map((name, index) => (
        <button
          key={name}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={name === current}
          aria-controls={name === current ? `panel-${name}` : undefined}
          tabIndex={name === current ? 0 : -1}
          onClick={() => onOpen(name)}
        >
          {t(`tabs.${name}`)}
        </button>
      ))}
    </div>
  );
}
