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
  query: { nl: 'Zoekterm', en: 'Search term' },
  insuranceCountry: { nl: 'Land van verzekering', en: 'Country of insurance' },
  foreignIdType: { nl: 'Soort identiteitsbewijs', en: 'Type of identity document' },
  foreignIdNumber: { nl: 'Paspoort- of ID-kaartnummer', en: 'Passport or ID card number' },
  nationality: { nl: 'Nationaliteit', en: 'Nationality' },
  initials: { nl: 'Voorletters', en: 'Initials' },
  givenNames: { nl: 'Voornamen', en: 'Given names' },
  familyNamePrefix: { nl: 'Tussenvoegsel', en: 'Name prefix' },
  gender: { nl: 'Geslacht', en: 'Gender' },
  street: { nl: 'Straat', en: 'Street' },
  houseNumber: { nl: 'Huisnummer', en: 'House number' },
  houseNumberSuffix: { nl: 'Toevoeging', en: 'Suffix' },
  city: { nl: 'Woonplaats', en: 'City' },
  country: { nl: 'Land', en: 'Country' },
  phone: { nl: 'Telefoonnummer', en: 'Phone number' },
  email: { nl: 'E-mailadres', en: 'Email address' },
  pharmacyId: { nl: 'Apotheek', en: 'Pharmacy' },
  toOrganisationId: { nl: 'Verwijzen naar', en: 'Refer to' },
  letter: { nl: 'Verwijsbrief (bijlage)', en: 'Referral letter (attachment)' },
  recipients: { nl: 'Aan', en: 'To' },
  subject: { nl: 'Onderwerp', en: 'Subject' },
  body: { nl: 'Bericht', en: 'Message' },
  attachments: { nl: 'Bijlagen', en: 'Attachments' },
  file: { nl: 'Bestand', en: 'File' },
  roepnaam: { nl: 'Roepnaam', en: 'Call name' },
  familyName: { nl: 'Achternaam', en: 'Family name' },
  postcode: { nl: 'Postcode', en: 'Postcode' },
  organisatienummer: { nl: 'Organisatienummer', en: 'Organisation number' },
  praktijknummer: { nl: 'Praktijknummer', en: 'Practice number' },
  praktijkwachtwoord: { nl: 'Praktijkwachtwoord', en: 'Practice password' },
  gebruikersnummer: { nl: 'Gebruikersnummer', en: 'User number' },
  text: { nl: 'Tekst', en: 'Text' },
  visibility: { nl: 'Zichtbaar voor', en: 'Visible to' },
  from: { nl: 'Vanaf', en: 'From' },
  to: { nl: 'Tot en met', en: 'To' },
};

export function fieldLabel(language: Language, field: string): string {
  return labels[field]?.[language] ?? field;
}
