import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, projectPath } from '../../api/client';
import type { Page, Template, TemplateField } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { CatalogSearch, TextKey } from './search';

/** Types people look for most; the field takes any type or family (image/*). */
const COMMON_TYPES = ['text/csv', 'application/json', 'application/zip', 'image/*', 'text/*', 'application/pdf'];

export function useTemplates(project: string) {
  return useQuery({
    queryKey: ['templates', project, 'all'],
    queryFn: () => get<Page<Template>>(projectPath(project, 'templates'), { include_hidden: true }),
  });
}

interface Props {
  project: string;
  search: CatalogSearch;
  onApply: (filters: Pick<CatalogSearch, TextKey | 'fields'>) => void;
}

/** The search form. It edits a draft and applies it on submit, so typing does not fire a search per key. */
export function CatalogFilters({ project, search, onApply }: Props) {
  const { t } = useTranslation('catalog');
  const templates = useTemplates(project);
  const [draft, setDraft] = useState({ q: search.q, content_type: search.content_type, from: search.from, to: search.to, template: search.template });
  const [fields, setFields] = useState<Record<string, string>>(search.fields);
  const template = templates.data?.items.find((item) => item.name === draft.template);

  const set = (key: TextKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const known = new Set(template?.fields.map((field) => field.name));
    onApply({ ...draft, fields: Object.fromEntries(Object.entries(fields).filter(([name]) => known.has(name))) });
  };
  const reset = () => {
    setDraft({ q: '', content_type: '', from: '', to: '', template: '' });
    setFields({});
    onApply({ q: '', content_type: '', from: '', to: '', template: '', fields: {} });
  };

  return (
    <form className="card" role="search" aria-label={t('filters.label')} onSubmit={submit}>
      <div className="filters">
        <TextInput id="catalog-q" label={t('filters.q')} type="search" value={draft.q} onChange={set('q')} />
        <div>
          <label htmlFor="catalog-type">{t('filters.contentType')}</label>
          <input id="catalog-type" list="catalog-types" value={draft.content_type} placeholder="text/csv, image/*"
            onChange={(e) => set('content_type')(e.target.value)} />
          <datalist id="catalog-types">
            {COMMON_TYPES.map((type) => <option key={type} value={type} />)}
          </datalist>
        </div>
        <TextInput id="catalog-from" label={t('filters.from')} type="date" value={draft.from} onChange={set('from')} />
        <TextInput id="catalog-to" label={t('filters.to')} type="date" value={draft.to} onChange={set('to')} />
        <div>
          <label htmlFor="catalog-template">{t('filters.template')}</label>
          <select id="catalog-template" value={draft.template} onChange={(e) => set('template')(e.target.value)}>
            <option value="">{t('filters.anyTemplate')}</option>
            {/* Keep a template from the URL selectable while the list loads or if it was deleted. */}
            {draft.template && !template && <option value={draft.template}>{draft.template}</option>}
            {templates.data?.items.map((item) => (
              <option key={item.name} value={item.name}>{item.label || item.name}</option>
            ))}
          </select>
        </div>
        {template?.fields.map((field) => (
          <FieldFilter key={field.name} field={field} value={fields[field.name] ?? ''}
            onChange={(value) => setFields((f) => ({ ...f, [field.name]: value }))} />
        ))}
      </div>
      {templates.error && <ProblemMessage error={templates.error} onRetry={() => void templates.refetch()} />}
      <div className="row catalog-filter-actions">
        <button type="submit">{t('filters.search')}</button>
        <button type="button" className="secondary" onClick={reset}>{t('common:actions.reset')}</button>
      </div>
    </form>
  );
}

function TextInput(props: { id: string; label: string; type: string; value: string; onChange: (value: string) => void }) {
  return (
    <div>
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type={props.type} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </div>
  );
}

/** A template field as a filter: the input fits its type; the server matches the value exactly. */
function FieldFilter({ field, value, onChange }: { field: TemplateField; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('catalog');
  const id = `catalog-field-${field.name}`;
  const label = field.label || field.name;
  if (field.type === 'enum') {
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('filters.anyValue')}</option>
          {field.options?.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </div>
    );
  }
  const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
  return <TextInput id={id} label={label} type={type} value={value} onChange={onChange} />;
}
