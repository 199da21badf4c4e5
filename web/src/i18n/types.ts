import type { Translation } from './locales/nl';

/** The three faces of Keten; each face decides which languages its language switch offers. */
export type Face = 'werkplek' | 'mijn' | 'verwijzer';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/**
 * One language = one file in `./locales/` whose default export is a `Locale`. It is picked up
 * automatically (see `./index.ts`); nothing else has to change to add a language.
 * Keys a locale leaves out fall back to Dutch, so a patient-portal-only language (fr, de) may
 * translate just `common`, `errors`, `notFound` and `mijn`, and list only `['mijn']` in `faces`.
 */
export interface Locale {
  /** BCP 47 code, used for `<html lang>`, `Accept-Language` and the stored choice. */
  code: string;
  /** The language's own name, shown in the language switch. */
  name: string;
  faces: readonly Face[];
  translation: DeepPartial<Translation>;
}
