import { useTranslation } from 'react-i18next';
import type { Template, TemplateField } from '../../api/types';

interface Props {
  idPrefix: string;
  template: Template;
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}

/** The template's fields as a form, each with its error (from the browser's check or the lake's) next to it. */
export function MetadataFields({ idPrefix, template, values, errors, onChange }: Props) {
  const { t } = useTranslation('upload');
  if (template.fields.length === 0) return null;
  return (
    <fieldset className="metadata-fields">
      <legend>{t('file.fields', { template: template.label || template.name })}</legend>
      <div className="grid-2">
        {template.fields.map((field, index) => (
          <FieldInput
            key={field.name}
            id={`${idPrefix}-field-${index}`}
            field={field}
            value={values[field.name] ?? ''}
            error={errors[field.name]}
            onChange={(value) => onChange({ ...values, [field.name]: value })}
          />
        ))}
      </div>
    </fieldset>
  );
}

interface FieldProps {
  id: string;
  field: TemplateField;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function FieldInput({ id, field, value, error, onChange }: FieldProps) {
  const { t } = useTranslation('upload');
  const errorId = `${id}-error`;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-required': field.required ? true : undefined,
  };
  let input;
  switch (field.type) {
    case 'textarea':
      input = <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'enum':
      input = (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      input = <input {...common} type="date" onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'number':
      // Text, not type=number: a half-typed number must stay visible so its error can be shown.
      input = <input {...common} type="text" inputMode="decimal" onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      input = <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className={field.type === 'textarea' ? 'field wide' : 'field'}>
      <label htmlFor={id}>
        {field.label || field.name}
        {field.required && <span className="muted"> ({t('file.required')})</span>}
      </label>
      {input}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
