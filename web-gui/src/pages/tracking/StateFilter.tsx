import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  states: string[];
  value: string;
  onChange: (state: string) => void;
  hint?: string;
}

/** A choice of one state, or all. */
export function StateFilter({ id, states, value, onChange, hint }: Props) {
  const { t } = useTranslation('tracking');
  return (
    <div className="filters">
      <div>
        <label htmlFor={id}>{t('filter.state')}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
          <option value="">{t('filter.all')}</option>
          {states.map((state) => (
            <option key={state} value={state}>
              {t(`common:states.${state}`, { defaultValue: state })}
            </option>
          ))}
        </select>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="muted filter-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
