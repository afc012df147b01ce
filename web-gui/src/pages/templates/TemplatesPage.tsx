import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function TemplatesPage() {
  const { t } = useTranslation('templates');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
