import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function VisualisePage() {
  const { t } = useTranslation('visualise');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
