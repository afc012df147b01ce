import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useProject } from '../../session/useProject';
import { useObject } from './api';
import { LineageSection } from './LineageSection';
import { ObjectFacts } from './ObjectFacts';
import { Operations } from './Operations';
import { RunsSection } from './RunsSection';
import './object.css';

/** One object: its metadata, what was done with it (operations, runs) and what it produced (lineage). */
export function ObjectPage() {
  const { t } = useTranslation('object');
  const { project } = useProject();
  const { id = '' } = useParams();
  const object = useObject(project, id);
  const catalog = `/p/${encodeURIComponent(project)}/catalog`;

  if (object.isPending) return <Loading />;
  if (object.error) {
    return (
      <section className="object-page">
        <PageTitle title={t('title')}>{t('title')}</PageTitle>
        <ProblemMessage error={object.error} onRetry={() => void object.refetch()} />
        <Link to={catalog}>{t('backToCatalog')}</Link>
      </section>
    );
  }
  const doc = object.data;
  return (
    <section className="object-page">
      <p className="object-back">
        <Link to={catalog}>← {t('backToCatalog')}</Link>
      </p>
      <PageTitle title={doc.original_object_name}>{doc.original_object_name}</PageTitle>
      <div className="grid-2 object-top">
        <ObjectFacts project={project} object={doc} />
        <Operations object={doc} />
      </div>
      <RunsSection project={project} objectId={id} />
      <LineageSection project={project} objectId={id} />
    </section>
  );
}
