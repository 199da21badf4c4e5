import type { Language } from '@keten/forms';
import { useTranslation } from 'react-i18next';

/** The user's language as the forms package knows it: English when chosen, otherwise Dutch. */
export function useFormLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language ?? 'nl').startsWith('en') ? 'en' : 'nl';
}
