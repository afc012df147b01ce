import { useTranslation } from 'react-i18next';
import type { FieldType } from '../../api/types';
import { ListEditor } from './ListEditor';

const TYPES: FieldType[] = ['text', 'textarea', 'number', 'date', 'enum'];

/** A field being edited; `key` keeps React's rows stable while fields are added, removed and moved. */
export interface DraftField {
  key: number;
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
}

let nextKey = 1;
export function newDraftField(from?: Partial<DraftField>): DraftField {
  return { name: '', label: '', type: 'text', required: false, options: [], ...from, key: nextKey++ };
}

export function FieldsEditor({ fields, onChange }: { fields: DraftField[]; onChange: (fields: DraftField[]) => void }) {
  const { t } = useTranslation('templates');
  const update = (key: number, change: Partial<DraftField>) => onChange(fields.map((f) => (f.key === key ? { ...f, ...change } : f)));
  const move = (index: number, by: number) => {
    const moved = [...fields];
    const [field] = moved.splice(index, 1);
    moved.splice(index + by, 0, field);
    onChange(moved);
  };
  return (
    <fieldset className="fields-editor">
      <legend>{t('form.fields')}</legend>
      {fields.length === 0 && <p className="muted">{t('form.noFields')}</p>}
      <ol>
        {fields.map((field, index) => (
          <li key={field.key} className="field-row">
            <FieldInputs field={field} position={index + 1} onChange={(change) => update(field.key, change)} />
            <div className="row">
              <button type="button" className="secondary" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('form.moveUp', { n: index + 1 })}>
                ↑
              </button>
              <button type="button" className="secondary" onClick={() => move(index, 1)} disabled={index === fields.length - 1} aria-label={t('form.moveDown', { n: index + 1 })}>
                ↓
              </button>
              <button type="button" className="secondary" onClick={() => onChange(fields.filter((f) => f.key !== field.key))}>
                {t('form.removeField', { n: index + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={() => onChange([...fields, newDraftField()])}>
        {t('form.addField')}
      </button>
    </fieldset>
  );
}

function FieldInputs({ field, position, onChange }: { field: DraftField; position: number; onChange: (change: Partial<DraftField>) => void }) {
  const { t } = useTranslation('templates');
  const id = `field-${field.key}`;
  return (
    <div className="field-inputs">
      <div>
        <label htmlFor={`${id}-name`}>{t('form.fieldName', { n: position })}</label>
        <input id={`${id}-name`} value={field.name} onChange={(e) => onChange({ name: e.target.value })} required />
      </div>
      <div>
        <label htmlFor={`${id}-label`}>{t('form.fieldLabel', { n: position })}</label>
        <input id={`${id}-label`} value={field.label} onChange={(e) => onChange({ label: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-type`}>{t('form.fieldType', { n: position })}</label>
        <select id={`${id}-type`} value={field.type} onChange={(e) => onChange({ type: e.target.value as FieldType })}>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="check">
        <input id={`${id}-required`} type="checkbox" checked={field.required} onChange={(e) => onChange({ required: e.target.checked })} />
        <label htmlFor={`${id}-required`}>{t('form.fieldRequired', { n: position })}</label>
      </div>
      {field.type === 'enum' && (
        <div className="options">
          <ListEditor id={`${id}-options`} label={t('form.fieldOptions', { n: position })} items={field.options} onChange={(options) => onChange({ options })} />
        </div>
      )}
    </div>
  );
}
