import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { get, projectPath } from '../../api/client';
import type { Page, Template } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useSession } from '../../session/SessionContext';
import { useProject } from '../../session/useProject';
import { DropZone } from './DropZone';
import { DATA_TYPES_LIST, FileCard, type FileActions } from './FileCard';
import { TransferProgress, rateOf } from './TransferProgress';
import { UnfinishedUploads, unfinishedKey } from './UnfinishedUploads';
import type { FileItem } from './types';
import { storeFor, type SendMetadata } from './uploadStore';
import { accepts, validate, valuesToSend } from './validation';
import './upload.css';

/** Suggestions only: the data type is free text, kept as given. */
const DATA_TYPES = ['time series', 'table', 'graph', 'archive', 'image', 'document', 'SQL dump'];
const IN_TRANSFER = ['queued', 'sending', 'paused', 'interrupted', 'done'];

export function UploadPage() {
  const { t } = useTranslation('upload');
  const { project, canWrite } = useProject();
  return (
    <section>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {canWrite ? <Uploader project={project} /> : <p className="notice">{t('readerOnly')}</p>}
    </section>
  );
}

function Uploader({ project }: { project: string }) {
  const { t } = useTranslation('upload');
  const queries = useQueryClient();
  const templates = useQuery({
    queryKey: ['upload', 'templates', project],
    queryFn: () => get<Page<Template>>(projectPath(project, 'templates')),
  });
  const visible = (templates.data?.items ?? []).filter((template) => template.visible);
  const { user } = useSession();
  // The store outlives the page: files keep going while the user looks elsewhere in the app.
  const queue = storeFor(user?.username ?? '', project);
  const items = useSyncExternalStore(queue.subscribe, queue.snapshot);
  useEffect(() => queue.onSettled(() => void queries.invalidateQueries({ queryKey: unfinishedKey(project) })), [queue, queries, project]);

  const send = (item: FileItem) => {
    if (item.checking) return;
    if (item.previous) {
      // The lake has the details from the first attempt; these only matter if it has forgotten that upload.
      queue.queue(item.id, item.previous.upload.metadata as unknown as SendMetadata);
      return;
    }
    const template = visible.find((candidate) => candidate.name === item.details.template);
    const errors = validate(template, item.details.values, t);
    if (Object.keys(errors).length > 0) {
      queue.setDetails(item.id, item.details, errors);
      const first = template?.fields.findIndex((field) => errors[field.name]) ?? -1;
      window.setTimeout(() => document.getElementById(`${item.id}-field-${first}`)?.focus());
      return;
    }
    queue.queue(item.id, metadataOf(item, template));
  };

  const actions: FileActions = {
    onDetails: (item, details) => queue.setDetails(item.id, details),
    onSend: send,
    onPause: (item) => queue.pause(item.id),
    onResume: (item) => queue.resume(item.id),
    onCancel: (item) => queue.cancel(item.id),
    onRemove: (item) => queue.remove(item.id),
    onStartAfresh: (item) => queue.startAfresh(item.id),
  };
  const applyToAll = (source: FileItem) => {
    const template = visible.find((candidate) => candidate.name === source.details.template);
    for (const item of items) {
      if (item.id === source.id || item.previous || !['draft', 'failed'].includes(item.status)) continue;
      const fits = !template || accepts(template, item.file.type);
      queue.setDetails(item.id, { ...source.details, template: fits ? source.details.template : '', values: fits ? source.details.values : {} }, {});
    }
  };

  const waiting = items.filter((item) => (item.status === 'draft' || item.status === 'failed') && !item.checking);
  const finished = items.filter((item) => item.status === 'done' || item.status === 'cancelled');
  const hide = new Set(items.map((item) => item.previous?.upload.uploadUrl).filter((url): url is string => !!url));
  queue.activeUrls().forEach((url) => hide.add(url));

  return (
    <>
      <p>{t('intro')}</p>
      <DropZone onFiles={(files) => queue.add(files)} />
      <ProblemMessage error={templates.error} onRetry={() => void templates.refetch()} />
      <UnfinishedUploads project={project} hide={hide} />
      {items.length > 0 && (
        <>
          <Overall items={items} />
          <div className="row actions">
            <button type="button" disabled={waiting.length === 0} onClick={() => waiting.forEach(send)}>
              {t('actions.sendAll')}
            </button>
            <button type="button" className="secondary" disabled={finished.length === 0} onClick={() => finished.forEach((item) => queue.remove(item.id))}>
              {t('actions.clearFinished')}
            </button>
          </div>
        </>
      )}
      <div className="file-list">
        {items.map((item) => (
          <FileCard
            key={item.id}
            item={item}
            project={project}
            templates={visible}
            {...actions}
            onApplyToAll={items.length > 1 ? applyToAll : undefined}
          />
        ))}
      </div>
      <datalist id={DATA_TYPES_LIST}>
        {DATA_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
    </>
  );
}

function metadataOf(item: FileItem, template: Template | undefined): SendMetadata {
  const metadata: SendMetadata = { filename: item.file.name };
  const { details } = item;
  if (template) {
    metadata.template = template.name;
    const values = valuesToSend(template, details.values);
    if (Object.keys(values).length > 0) metadata.metadata = JSON.stringify(values);
  }
  if (details.dataProcessing.trim()) metadata.data_processing = details.dataProcessing.trim();
  if (details.description.trim()) metadata.description = details.description.trim();
  return metadata;
}

/** One bar for every file being sent or sent. */
function Overall({ items }: { items: FileItem[] }) {
  const { t } = useTranslation('upload');
  const moving = items.filter((item) => IN_TRANSFER.includes(item.status));
  if (moving.length === 0) return null;
  const total = moving.reduce((sum, item) => sum + item.file.size, 0);
  const sent = moving.reduce((sum, item) => sum + (item.status === 'done' ? item.file.size : item.sent), 0);
  const rates = moving.filter((item) => item.status === 'sending').map((item) => rateOf(item.samples));
  const rate = rates.some((r) => r !== null) ? rates.reduce<number>((sum, r) => sum + (r ?? 0), 0) : null;
  return (
    <section className="card overall" aria-labelledby="overall-title">
      <h2 id="overall-title">{t('progress.overall')}</h2>
      <TransferProgress label={t('progress.overallLabel')} sent={sent} total={total} rate={rate} />
    </section>
  );
}
