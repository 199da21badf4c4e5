import type { Language } from './language.js';

// User-facing server messages, Dutch first. Keys are stable; the web app shows `detail` and field messages as given.
const dictionary = {
  'error.validation.title': { nl: 'De invoer is niet in orde', en: 'The input is not valid' },
  'error.validation.detail': {
    nl: 'Controleer de gemarkeerde velden.',
    en: 'Please check the marked fields.',
  },
  'error.notFound.title': { nl: 'Niet gevonden', en: 'Not found' },
  'error.notFound.detail': {
    nl: 'Wat u zoekt bestaat niet, of u heeft er geen toegang toe.',
    en: 'What you are looking for does not exist, or you have no access to it.',
  },
  'error.internal.title': { nl: 'Er ging iets mis', en: 'Something went wrong' },
  'error.internal.detail': {
    nl: 'Er is een onverwachte fout opgetreden. Probeer het opnieuw; noem bij de helpdesk het kenmerk {requestId}.',
    en: 'An unexpected error occurred. Please try again; quote reference {requestId} to the helpdesk.',
  },
  'error.unavailable.title': { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' },
  'error.database.detail': {
    nl: 'De database is niet bereikbaar.',
    en: 'The database cannot be reached.',
  },
  'error.notReady.detail': {
    nl: 'Keten start nog op ({stage}).',
    en: 'Keten is still starting ({stage}).',
  },
  'error.webNotBuilt.detail': {
    nl: 'De webapplicatie is nog niet gebouwd. Voer "npm run build" uit.',
    en: 'The web application has not been built. Run "npm run build".',
  },
  'error.rateLimited.title': { nl: 'Te veel verzoeken', en: 'Too many requests' },
  'error.payloadTooLarge.title': { nl: 'Te groot', en: 'Too large' },
  'error.badRequest.title': { nl: 'Ongeldig verzoek', en: 'Bad request' },
  'error.notImplemented.title': { nl: 'Nog niet beschikbaar', en: 'Not available yet' },
  'login.notYetAvailable': {
    nl: 'Inloggen is in deze versie van Keten nog niet beschikbaar.',
    en: 'Logging in is not yet available in this version of Keten.',
  },
  'field.required': { nl: '{field} is verplicht.', en: '{field} is required.' },
  'field.tooShort': {
    nl: '{field} moet minstens {minimum} tekens hebben.',
    en: '{field} must have at least {minimum} characters.',
  },
  'field.tooLong': { nl: '{field} mag hoogstens {maximum} tekens hebben.', en: '{field} may have at most {maximum} characters.' },
  'field.tooSmall': { nl: '{field} moet minstens {minimum} zijn.', en: '{field} must be at least {minimum}.' },
  'field.tooBig': { nl: '{field} mag hoogstens {maximum} zijn.', en: '{field} may be at most {maximum}.' },
  'field.wrongType': { nl: '{field} heeft een ongeldige waarde.', en: '{field} has an invalid value.' },
  'field.notAnOption': { nl: '{field} moet een van deze waarden zijn: {options}.', en: '{field} must be one of: {options}.' },
  'field.badFormat': { nl: '{field} heeft een ongeldig formaat.', en: '{field} has an invalid format.' },
  'field.unknown': { nl: '{field} is onbekend.', en: '{field} is not recognised.' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof dictionary;
export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionary, key);
}

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return dictionary[key][language].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
