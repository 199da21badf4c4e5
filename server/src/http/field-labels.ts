import type { Language } from './language.js';

// Labels of input fields as users see them on screen, for messages that name the field.
// Modules add their fields here; an unlisted field is named by its key.
const labels: Record<string, Record<Language, string>> = {
  username: { nl: 'Gebruikersnaam', en: 'Username' },
  password: { nl: 'Wachtwoord', en: 'Password' },
  code: { nl: 'Verificatiecode', en: 'Verification code' },
  currentPassword: { nl: 'Huidig wachtwoord', en: 'Current password' },
  newPassword: { nl: 'Nieuw wachtwoord', en: 'New password' },
  confirm: { nl: 'Bevestiging', en: 'Confirmation' },
  bsn: { nl: 'BSN', en: 'BSN' },
  birthDate: { nl: 'Geboortedatum', en: 'Date of birth' },
  roepnaam: { nl: 'Roepnaam', en: 'Call name' },
  familyName: { nl: 'Achternaam', en: 'Family name' },
  postcode: { nl: 'Postcode', en: 'Postcode' },
};

export function fieldLabel(language: Language, field: string): string {
  return labels[field]?.[language] ?? field;
}
