import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Face, Locale } from './types';

export type { Face, Locale } from './types';

export const defaultLanguage = 'nl';
const storageKey = 'keten.language';

// Every file in ./locales is a language; adding fr.ts or de.ts is all it takes.
const modules = import.meta.glob<{ default: Locale }>('./locales/*.ts', { eager: true });

/** All languages, Dutch first, then by code. */
export const locales: readonly Locale[] = Object.values(modules)
  .map((module) => module.default)
  .sort((a, b) => (a.code === defaultLanguage ? -1 : b.code === defaultLanguage ? 1 : a.code.localeCompare(b.code)));

/** The languages the switch offers in one face (the patient portal has more than the Werkplek). */
export function languagesFor(face: Face | undefined): readonly Locale[] {
  return face ? locales.filter((locale) => locale.faces.includes(face)) : locales;
}

function isSupported(code: string | null): code is string {
  return code !== null && locales.some((locale) => locale.code === code);
}

function readStoredLanguage(): string {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey) ?? null;
    return isSupported(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be blocked (private mode, strict cookie settings): fall back to Dutch.
    return defaultLanguage;
  }
}

function applyToDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(locales.map((locale) => [locale.code, { translation: locale.translation }])),
  lng: readStoredLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: locales.map((locale) => locale.code),
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** Switch language, remember it for the next visit, and update `<html lang>`. */
export async function changeLanguage(code: string): Promise<void> {
  if (!isSupported(code)) return;
  try {
    globalThis.localStorage?.setItem(storageKey, code);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
  await i18n.changeLanguage(code);
}

/** The current language, for `Accept-Language` and `Intl` formatting. */
export function currentLanguage(): string {
  return i18n.resolvedLanguage ?? i18n.language ?? defaultLanguage;
}
