import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function HomePage() {
  const { t } = useTranslation('home');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
