import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface ListEditorProps {
  id: string;
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  placeholder?: string;
  invalid?: boolean;
}

/** A list of short strings (accepted types, enum options): each removable, new ones typed in and added. */
export function ListEditor({ id, label, items, onChange, placeholder, invalid }: ListEditorProps) {
  const { t } = useTranslation('templates');
  const [draft, setDraft] = useState('');
  const add = () => {
    const value = draft.trim();
    if (value && !items.includes(value)) onChange([...items, value]);
    setDraft('');
  };
  // Enter adds the value instead of submitting the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  return (
    <div className="list-editor">
      <label htmlFor={id}>{label}</label>
      {items.length > 0 && (
        <ul className="chips" aria-label={label}>
          {items.map((item) => (
            <li key={item}>
              <span>{item}</span>
              <button type="button" className="link" aria-label={t('list.remove', { item })} onClick={() => onChange(items.filter((i) => i !== item))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row list-add">
        <input id={id} value={draft} placeholder={placeholder} aria-invalid={invalid || undefined} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
        <button type="button" className="secondary" onClick={add} disabled={!draft.trim()} aria-label={t('list.addTo', { list: label })}>
          {t('list.add')}
        </button>
      </div>
    </div>
  );
}
