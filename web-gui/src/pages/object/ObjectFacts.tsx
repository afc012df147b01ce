import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiUrl, projectPath } from '../../api/client';
import type { LakeObject } from '../../api/types';
import { StateBadge } from '../../components/StateBadge';
import { formatBytes, formatDateTime } from '../../format';
import { useProject } from '../../session/useProject';
import { DeleteObject } from './DeleteObject';

/** The object's metadata document as facts, with its download and (for members) delete. */
export function ObjectFacts({ project, object }: { project: string; object: LakeObject }) {
  const { t } = useTranslation('object');
  const { canWrite } = useProject();
  const values = Object.entries(object.other_data ?? {});
  return (
    <section className="card" aria-labelledby="object-metadata">
      <h2 id="object-metadata">{t('facts.title')}</h2>
      <dl className="facts">
        <Fact label={t('facts.id')}>{object.id}</Fact>
        <Fact label={t('facts.type')}>{object.content_type}</Fact>
        <Fact label={t('facts.size')}>
          {formatBytes(object.size)} <span className="muted">({t('facts.bytes', { count: object.size })})</span>
        </Fact>
        <Fact label={t('facts.sha256')}>
          <code className="object-hash">{object.sha256}</code>
        </Fact>
        <Fact label={t('facts.uploader')}>{object.uploader}</Fact>
        <Fact label={t('facts.created')}>{formatDateTime(object.creation_date)}</Fact>
        <Fact label={t('facts.modified')}>{formatDateTime(object.last_modified)}</Fact>
        <Fact label={t('facts.status')}>
          <StateBadge state={object.status} />
        </Fact>
        <Fact label={t('facts.template')}>{object.template ?? <span className="muted">{t('facts.noTemplate')}</span>}</Fact>
        {values.map(([name, value]) => (
          <Fact key={name} label={name}>
            {String(value)}
          </Fact>
        ))}
        {object.description && <Fact label={t('facts.description')}>{object.description}</Fact>}
        {object.data_processing && <Fact label={t('facts.dataProcessing')}>{object.data_processing}</Fact>}
        {object.application && <Fact label={t('facts.application')}>{object.application}</Fact>}
        {object.parent_id !== null && (
          <Fact label={t('facts.parent')}>
            <Link to={`/p/${encodeURIComponent(project)}/objects/${object.parent_id}`}>{t('objectLink', { id: object.parent_id })}</Link>
          </Fact>
        )}
      </dl>
      <div className="row object-actions">
        <a className="button" href={apiUrl(projectPath(project, 'objects', object.id, 'content'))} download>
          {t('download')}
        </a>
        {canWrite && <DeleteObject project={project} object={object} />}
      </div>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
