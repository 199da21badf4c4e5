import 'i18next';
import type { Translation } from './locales/nl';

// Typed translation keys: `t('werkplek.login.username')` is checked against the Dutch source.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}
