import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';
import { TabList, tabId, tabPanelId } from '../../components/TabList';
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
  const open = (next: Tab) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      copy.set('tab', next);
      return copy;
    }, { replace: true });

  return (
    <section>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <p className="muted">{t('intro')}</p>
      <TabList tabs={TABS} current={tab} onOpen={open} labelOf={(name) => t(`tabs.${name}`)} label={t('tabs.label')} />
      <div role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)} className="tab-panel">
        {tab === 'uploads' ? <UploadsPanel key={project} project={project} /> : <RunsPanel key={project} project={project} />}
      </div>
    </section>
  );
}
