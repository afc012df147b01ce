import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import { cleanField, useCreateTemplate, useReplaceTemplate, type TemplateBody } from './api';
import { FieldsEditor, newDraftField, type DraftField } from './FieldsEditor';
import { ListEditor } from './ListEditor';

interface TemplateFormProps {
  project: string;
  /** The template to change; none to create one. */
  template?: Template;
  onDone: (name: string) => void;
  onCancel: () => void;
}

/** Hints the server answers with when a template has none: shown as an empty box rather than as nulls. */
function processingText(processing: unknown): string {
  if (!processing || typeof processing !== 'object') return '';
  const hints = processing as Record<string, unknown>;
  if (Object.values(hints).every((v) => v === null || v === undefined)) return '';
  return JSON.stringify(processing, null, 2);
}

const INVALID = Symbol('invalid');

/** The hints as a JSON object, undefined when left empty; whether they make sense is the server's to judge. */
function parseHints(text: string): Record<string, unknown> | undefined | typeof INVALID {
  if (!text.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : INVALID;
  } catch {
    return INVALID;
  }
}

/** Creates a template, or replaces an editable one's definition (its flags are set at creation only). */
export function TemplateForm({ project, template, onDone, onCancel }: TemplateFormProps) {
  const { t } = useTranslation('templates');
  const editing = !!template;
  const [name, setName] = useState(template?.name ?? '');
  const [label, setLabel] = useState(template?.label ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [types, setTypes] = useState<string[]>(template?.accepted_mime_types ?? []);
  const [fields, setFields] = useState<DraftField[]>(() =>
    (template?.fields ?? []).map((f) => newDraftField({ name: f.name, label: f.label ?? '', type: f.type, required: !!f.required, options: f.options ?? [] })),
  );
  const [flags, setFlags] = useState({ visible: true, editable: true, deletable: true });
  const [processing, setProcessing] = useState(() => processingText(template?.processing));
  const [processingError, setProcessingError] = useState(false);
  const create = useCreateTemplate(project);
  const replace = useReplaceTemplate(project);
  const mutation = editing ? replace : create;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hints = parseHints(processing);
    setProcessingError(hints === INVALID);
    if (hints === INVALID) return;
    const body: TemplateBody = {
      name: name.trim(),
      label: label.trim() || null,
      description: description.trim() || null,
      accepted_mime_types: types,
      fields: fields.map((f) => cleanField({ ...f, name: f.name.trim(), label: f.label.trim() })),
      processing: hints,
      ...(editing ? {} : flags),
    };
    const done = { onSuccess: () => onDone(body.name!) };
    if (template) replace.mutate({ name: template.name, body }, done);
    else create.mutate(body, done);
  };

  const flag = (key: keyof typeof flags) => (
    <div className="check" key={key}>
      <input id={`template-${key}`} type="checkbox" checked={flags[key]} onChange={(e) => setFlags({ ...flags, [key]: e.target.checked })} />
      <label htmlFor={`template-${key}`}>{t(`flags.${key}`)}</label>
    </div>
  );

  return (
    <form className="card template-form" onSubmit={submit} noValidate aria-labelledby="template-form-title">
      <h2 id="template-form-title">{editing ? t('form.editTitle', { name: template.name }) : t('form.createTitle')}</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="template-name">{t('form.name')}</label>
          <input id="template-name" value={name} onChange={(e) => setName(e.target.value)} disabled={editing} aria-describedby="template-name-hint" />
          <p id="template-name-hint" className="muted hint">{t('form.nameHint')}</p>
        </div>
        <div>
          <label htmlFor="template-label">{t('form.label')}</label>
          <input id="template-label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
      </div>
      <label htmlFor="template-description">{t('form.description')}</label>
      <textarea id="template-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      <ListEditor id="template-types" label={t('form.types')} items={types} onChange={setTypes} placeholder="text/csv, image/*" />
      <p className="muted hint">{t('form.typesHint')}</p>
      <FieldsEditor fields={fields} onChange={setFields} />
      {!editing && (
        <fieldset>
          <legend>{t('form.flags')}</legend>
          <div className="row">{(['visible', 'editable', 'deletable'] as const).map(flag)}</div>
        </fieldset>
      )}
      <label htmlFor="template-processing">{t('form.processing')}</label>
      <textarea
        id="template-processing"
        className="mono"
        rows={5}
        value={processing}
        placeholder='{"table": "climate_rows"}'
        onChange={(e) => setProcessing(e.target.value)}
        aria-invalid={processingError || undefined}
        aria-describedby="template-processing-hint"
      />
      {processingError ? (
        <p id="template-processing-hint" className="field-error" role="alert">
          {t('form.processingInvalid')}
        </p>
      ) : (
        <p id="template-processing-hint" className="muted hint">
          {t('form.processingHint')}
        </p>
      )}
      <ProblemMessage error={mutation.error} />
      <div className="row form-actions">
        <button type="submit" disabled={mutation.isPending}>
          {editing ? t('common:actions.save') : t('form.create')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}
