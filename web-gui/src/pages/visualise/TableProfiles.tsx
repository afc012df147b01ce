import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../format';

export interface TableProfile {
  object_id: number;
  run_id?: string;
  row_count: number;
  quarantined_rows: number;
  profiled_at?: string;
  columns: { name: string; type: string; nulls: number; min: string | null; max: string | null; distinct_estimate: number }[];
}

/** Per object loaded into the table: rows, quarantined rows, and per column nulls, min, max and distinct values. */
export function TableProfiles({ profiles }: { profiles: TableProfile[] }) {
  const { t } = useTranslation('visualise');
  return (
    <section aria-labelledby="table-profiles">
      <h2 id="table-profiles">{t('table.profiles')}</h2>
      {profiles.map((profile) => (
        <div key={`${profile.object_id}-${profile.run_id ?? ''}`} className="profile">
          <h3>
            {t('table.profileOf', {
              id: profile.object_id,
              rows: formatNumber(profile.row_count),
              quarantined: formatNumber(profile.quarantined_rows),
            })}
          </h3>
          {profile.profiled_at && <p className="muted">{t('table.profiledAt', { at: formatDateTime(profile.profiled_at) })}</p>}
          <div className="table-scroll">
            <table aria-label={t('table.profileTable', { id: profile.object_id })}>
              <thead>
                <tr>
                  <th scope="col">{t('table.column')}</th>
                  <th scope="col">{t('table.type')}</th>
                  <th scope="col" className="num">{t('table.nulls')}</th>
                  <th scope="col">{t('table.min')}</th>
                  <th scope="col">{t('table.max')}</th>
                  <th scope="col" className="num">{t('table.distinct')}</th>
                </tr>
              </thead>
              <tbody>
                {profile.columns.map((column) => (
                  <tr key={column.name}>
                    <td><code>{column.name}</code></td>
                    <td>{column.type.toLowerCase()}</td>
                    <td className="num">{formatNumber(column.nulls)}</td>
                    <td>{column.min ?? ''}</td>
                    <td>{column.max ?? ''}</td>
                    <td className="num">{formatNumber(column.distinct_estimate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}
