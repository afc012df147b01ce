import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function CatalogPage() {
  const { t } = useTranslation('catalog');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
