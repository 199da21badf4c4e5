import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Face } from '../i18n';

/** `<title>`: page · face · Keten — the first thing a screen reader announces after navigating. */
export function usePageTitle(page: string, face?: Face): void {
  const { t } = useTranslation();
  const parts = [page, face ? t(`faces.${face}`) : '', t('common.appName')];
  // Drop empty and repeated parts ("Keten · Keten" on the landing page).
  useDocumentTitle(parts.filter((part, index) => part !== '' && parts.indexOf(part) === index).join(' · '));
}
