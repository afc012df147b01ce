import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function TrackingPage() {
  const { t } = useTranslation('tracking');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
