import { useTranslation } from 'react-i18next';
import { formatBytes, formatDuration, formatRate } from '../../format';
import type { Sample } from './types';

/** Bytes per second over the recent samples, or null when too few to tell. */
export function rateOf(samples: Sample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const seconds = (last.at - first.at) / 1000;
  return seconds >= 0.3 ? Math.max(0, (last.bytes - first.bytes) / seconds) : null;
}

interface Props {
  label: string;
  sent: number;
  total: number;
  /** Bytes per second while sending; null when not sending or not known yet. */
  rate: number | null;
}

/** A bar with its percentage, bytes sent of the total, rate and time left. */
export function TransferProgress({ label, sent, total, rate }: Props) {
  const { t } = useTranslation('upload');
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 100;
  const left = rate && rate > 0 ? (total - sent) / rate : null;
  return (
    <div className="transfer">
      <progress value={sent} max={Math.max(total, 1)} aria-label={label} />
      <p className="transfer-facts">
        <strong>{percent} %</strong>
        <span>{t('progress.of', { sent: formatBytes(sent), total: formatBytes(total) })}</span>
        {rate !== null && <span>{formatRate(rate)}</span>}
        {left !== null && sent < total && <span>{t('progress.left', { time: formatDuration(left) })}</span>}
      </p>
    </div>
  );
}
