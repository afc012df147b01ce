import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function AdminPage() {
  const { t } = useTranslation('admin');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
