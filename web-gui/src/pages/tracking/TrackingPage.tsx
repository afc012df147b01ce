import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { useProject } from '../../session/useProject';
import { RunsPanel } from './RunsPanel';
import { UploadsPanel } from './UploadsPanel';
import './tracking.css';

const TABS = ['uploads', 'runs'] as const;
type Tab = (typeof TABS)[number];

/** Uploads and pipeline runs, live, in two tabs (the tab is in the address, so it can be shared). */
export function TrackingPage() {
  const { t } = useTranslation('tracking');
  const { project } = useProject();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'runs' ? 'runs' : 'uploads';
  const buttons = useRef<Record<Tab, HTMLButtonElement | null>>({ uploads: null, runs: null });

  const select = (next: Tab, focus = false) => {
    setParams((current) => {
      const copy = new URLSearchParams(current);
      copy.set('tab', next);
      return copy;
    }, { replace: true });
    if (focus) buttons.current[next]?.focus();
  };
  // The arrow keys move between tabs, as in any tab list.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(event.key === 'Home' ? TABS[0] : TABS[TABS.length - 1], true);
    } else if (step) {
      event.preventDefault();
      select(TABS[(index + step + TABS.length) % TABS.length], true);
    }
  };

  return (
    <section>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="muted">{t('intro')}</p>
      <div role="tablist" aria-label={t('tabs.label')} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              buttons.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'tab selected' : 'tab'}
            onClick={() => select(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'uploads' ? <UploadsPanel key={project} project={project} /> : <RunsPanel key={project} project={project} />}
      </div>
    </section>
  );
}
