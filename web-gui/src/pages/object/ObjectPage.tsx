import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function ObjectPage() {
  const { t } = useTranslation('object');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
