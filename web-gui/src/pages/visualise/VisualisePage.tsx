import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { TabList, tabId, tabPanelId } from '../../components/TabList';
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
      <TabList tabs={TABS} current={tab} onOpen={open} labelOf={(name) => t(`tabs.${name}`)} label={t('tabs.label')} />
      <div role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)} className="visualise-panel">
        {tab === 'series' && <SeriesTab project={project} />}
        {tab === 'table' && <TableTab project={project} />}
        {tab === 'graph' && <GraphTab project={project} />}
      </div>
    </section>
  );
}
