import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Template } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatBytes } from '../../format';
import { MetadataFields } from './MetadataFields';
import { TransferProgress, rateOf } from './TransferProgress';
import type { Details, FileItem } from './types';
import { accepts, isTypeKnown } from './validation';

export const DATA_TYPES_LIST = 'upload-data-types';

export interface FileActions {
  onDetails: (item: FileItem, details: Details) => void;
  onSend: (item: FileItem) => void;
  onPause: (item: FileItem) => void;
  onResume: (item: FileItem) => void;
  onCancel: (item: FileItem) => void;
  onRemove: (item: FileItem) => void;
  onApplyToAll?: (item: FileItem) => void;
  onStartAfresh: (item: FileItem) => void;
}

interface Props extends FileActions {
  item: FileItem;
  project: string;
  templates: Template[];
}

/** One file: its details while it waits, then its progress and what became of it. */
export function FileCard(props: Props) {
  const { t } = useTranslation('upload');
  const { item } = props;
  const editable = item.status === 'draft' || item.status === 'failed';
  return (
    <article className="card file-card" aria-labelledby={`${item.id}-name`}>
      <div className="spread">
        <h3 id={`${item.id}-name`} className="file-name">
          {item.file.name}
        </h3>
        <span className={`file-status status-${item.status}`}>{t(`status.${item.status}`)}</span>
      </div>
      <p className="muted file-facts">
        {t('file.size')}: {formatBytes(item.file.size)} · {t('file.type')}: {isTypeKnown(item.file.type) ? item.file.type : t('file.typeUnknown')}
      </p>
      {editable ? <DetailsForm {...props} /> : <Transfer {...props} />}
    </article>
  );
}

function DetailsForm({ item, templates, onDetails, onSend, onRemove, onApplyToAll, onStartAfresh }: Props) {
  const { t } = useTranslation('upload');
  const { details, previous } = item;
  const offered = templates.filter((template) => accepts(template, item.file.type) || template.name === details.template);
  const template = templates.find((candidate) => candidate.name === details.template);
  const set = (change: Partial<Details>) => onDetails(item, { ...details, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSend(item);
  };
  const hasFieldErrors = Object.keys(item.fieldErrors).length > 0;
  const id = item.id;
  return (
    <form onSubmit={submit} noValidate>
      {item.checking && (
        <p className="muted" role="status">
          {t('file.checking')}
        </p>
      )}
      {previous && (
        <div className="notice" role="status">
          <p>
            {t('file.resuming', {
              percent: Math.floor((previous.offset / Math.max(previous.length, 1)) * 100),
              sent: formatBytes(previous.offset),
              total: formatBytes(previous.length),
            })}
          </p>
          <button type="button" className="secondary" onClick={() => onStartAfresh(item)}>
            {t('file.startAfresh')}
          </button>
        </div>
      )}
      {/* A resumed upload keeps the details the lake already has: they are shown, not editable. */}
      <fieldset className="plain" disabled={!!previous}>
        <div className="grid-2">
          <div>
            <label htmlFor={`${id}-data`}>
              {t('file.dataProcessing')} <span className="muted">({t('file.optional')})</span>
            </label>
            <input
              id={`${id}-data`}
              type="text"
              list={DATA_TYPES_LIST}
              value={details.dataProcessing}
              aria-describedby={`${id}-data-hint`}
              onChange={(e) => set({ dataProcessing: e.target.value })}
            />
            <p id={`${id}-data-hint`} className="muted hint">
              {t('file.dataProcessingHint')}
            </p>
          </div>
          <div>
            <label htmlFor={`${id}-template`}>{t('file.template')}</label>
            <select
              id={`${id}-template`}
              value={details.template}
              aria-describedby={isTypeKnown(item.file.type) ? undefined : `${id}-template-hint`}
              onChange={(e) => set({ template: e.target.value, values: {} })}
            >
              <option value="">{t('file.noTemplate')}</option>
              {offered.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.label || candidate.name}
                </option>
              ))}
            </select>
            {!isTypeKnown(item.file.type) && (
              <p id={`${id}-template-hint`} className="muted hint">
                {t('file.templatesForUnknown')}
              </p>
            )}
          </div>
        </div>
        <label htmlFor={`${id}-description`}>
          {t('file.description')} <span className="muted">({t('file.optional')})</span>
        </label>
        <textarea id={`${id}-description`} rows={2} value={details.description} onChange={(e) => set({ description: e.target.value })} />
        {template && (
          <MetadataFields
            idPrefix={id}
            template={template}
            values={details.values}
            errors={item.fieldErrors}
            onChange={(values) => set({ values })}
          />
        )}
      </fieldset>
      {hasFieldErrors && !item.error && (
        <p className="field-error" role="alert">
          {t('file.invalid')}
        </p>
      )}
      <ProblemMessage error={item.error} />
      <div className="row actions">
        <button type="submit" disabled={item.checking}>
          {t('file.send')}
        </button>
        {onApplyToAll && !previous && (
          <button type="button" className="secondary" onClick={() => onApplyToAll(item)}>
            {t('file.applyToAll')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => onRemove(item)}>
          {t('file.remove')}
        </button>
      </div>
    </form>
  );
}

function Transfer({ item, project, onPause, onResume, onCancel, onRemove }: Props) {
  const { t } = useTranslation('upload');
  const { status } = item;
  const total = item.file.size;
  return (
    <>
      <TransferProgress
        label={t('progress.label', { name: item.file.name })}
        sent={status === 'done' ? total : item.sent}
        total={total}
        rate={status === 'sending' ? rateOf(item.samples) : null}
      />
      {status === 'interrupted' && isNetwork(item.error) ? (
        <p className="problem" role="alert">
          {t('file.interrupted', { sent: formatBytes(item.sent), total: formatBytes(total) })}
        </p>
      ) : (
        <>
          {status === 'interrupted' && <p>{t('file.interruptedServer', { sent: formatBytes(item.sent), total: formatBytes(total) })}</p>}
          <ProblemMessage error={item.error} />
        </>
      )}
      <div className="row actions">
        {status === 'done' && item.objectId !== null && (
          <Link className="button" to={`/p/${encodeURIComponent(project)}/objects/${item.objectId}`}>
            {t('file.open', { id: item.objectId })}
          </Link>
        )}
        {status === 'sending' && (
          <button type="button" className="secondary" onClick={() => onPause(item)}>
            {t('file.pause')}
          </button>
        )}
        {(status === 'paused' || status === 'interrupted') && (
          <button type="button" onClick={() => onResume(item)}>
            {t('file.resume')}
          </button>
        )}
        {['queued', 'sending', 'paused', 'interrupted'].includes(status) && (
          <button type="button" className="danger" onClick={() => onCancel(item)}>
            {t('file.cancel')}
          </button>
        )}
        {(status === 'done' || status === 'cancelled') && (
          <button type="button" className="secondary" onClick={() => onRemove(item)}>
            {t('file.remove')}
          </button>
        )}
      </div>
    </>
  );
}

const isNetwork = (error: unknown) => error instanceof ApiError && error.code === 'network';
