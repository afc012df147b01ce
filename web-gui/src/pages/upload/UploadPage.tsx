import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';

export function UploadPage() {
  const { t } = useTranslation('upload');
  return <PageTitle title={t('title')}>{t('title')}</PageTitle>;
}
