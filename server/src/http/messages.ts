import type { Language } from './language.js';

// User-facing server messages, Dutch first. Keys are stable; the web app shows `detail` and field messages as given.
const dictionary = {
  'error.validation.title': { nl: 'De invoer is niet in orde', en: 'The input is not valid' },
  'error.validation.detail': {
    nl: 'Controleer de gemarkeerde velden.',
    en: 'Please check the marked fields.',
  },
  'zio.nothingToBill.title': { nl: 'Niets te factureren', en: 'Nothing to invoice' },
  'zio.nothingToBill.detail': {
    nl: 'Er zijn in deze periode geen declarabele activiteiten die nog niet gefactureerd zijn.',
    en: 'There are no billable activities in this period that have not been invoiced yet.',
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
  'auth.loginFailed.title': { nl: 'Inloggen is niet gelukt', en: 'Login failed' },
  'auth.loginFailed.detail': {
    nl: 'De gebruikersnaam of het wachtwoord is onjuist, of het account is tijdelijk geblokkeerd. Na {maxFailures} mislukte pogingen blijft een account {lockoutMinutes} minuten geblokkeerd.',
    en: 'The username or password is incorrect, or the account is temporarily locked. After {maxFailures} failed attempts an account stays locked for {lockoutMinutes} minutes.',
  },
  'auth.codeWrong': {
    nl: 'De verificatiecode klopt niet. U kunt het nog {remaining} keer proberen.',
    en: 'The verification code is not correct. You can try {remaining} more times.',
  },
  'auth.codeDead': {
    nl: 'Deze verificatiecode is niet meer geldig (verlopen, gebruikt of te vaak fout). Log opnieuw in voor een nieuwe code.',
    en: 'This verification code is no longer valid (expired, used or too many wrong tries). Log in again for a new code.',
  },
  'auth.rateLimited.detail': {
    nl: 'Te veel pogingen vanaf dit adres. Probeer het over {minutes} minuten opnieuw.',
    en: 'Too many attempts from this address. Try again in {minutes} minutes.',
  },
  'auth.sessionRequired.title': { nl: 'Niet ingelogd', en: 'Not logged in' },
  'auth.sessionRequired.detail': {
    nl: 'U bent niet (meer) ingelogd. Log opnieuw in.',
    en: 'You are not (or no longer) logged in. Please log in again.',
  },
  'auth.passwordChangeRequired': {
    nl: 'Kies eerst een nieuw wachtwoord voordat u verder gaat.',
    en: 'Please choose a new password before you continue.',
  },
  'auth.forbidden.title': { nl: 'Geen toegang', en: 'No access' },
  'auth.forbidden.detail': {
    nl: 'Uw rol geeft geen toegang tot deze functie.',
    en: 'Your role does not give access to this function.',
  },
  'auth.resetSent': {
    nl: 'Als deze gebruikersnaam bestaat, is er een mail verstuurd met een link om een nieuw wachtwoord in te stellen. De link is 1 uur geldig.',
    en: 'If this username exists, a mail has been sent with a link to set a new password. The link is valid for 1 hour.',
  },
  'auth.resetInvalid': {
    nl: 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan via "Wachtwoord vergeten?".',
    en: 'This link is invalid, already used or expired. Request a new one via "Forgot password?".',
  },
  'password.tooShort': { nl: '{field} moet minstens 12 tekens hebben.', en: '{field} must have at least 12 characters.' },
  'password.tooLong': { nl: '{field} mag hoogstens 128 tekens hebben.', en: '{field} may have at most 128 characters.' },
  'password.common': {
    nl: '{field} is te bekend en daardoor makkelijk te raden. Kies iets dat alleen u kent, bijvoorbeeld een zin.',
    en: '{field} is too common and easy to guess. Choose something only you know, for example a sentence.',
  },
  'password.containsUsername': {
    nl: '{field} mag uw gebruikersnaam niet bevatten.',
    en: '{field} may not contain your username.',
  },
  'password.sameAsCurrent': {
    nl: '{field} moet anders zijn dan het huidige wachtwoord.',
    en: '{field} must differ from the current password.',
  },
  'password.currentWrong': { nl: '{field} klopt niet.', en: '{field} is not correct.' },
  'field.mustConfirm': { nl: 'Bevestig dit eerst ({field}).', en: 'Please confirm this first ({field}).' },
  'patient.exists.title': { nl: 'Deze patiënt bestaat al', en: 'This patient already exists' },
  'patient.exists.detail': {
    nl: 'Er is al een dossier met dit BSN. Een tweede dossier voor dezelfde persoon wordt niet aangemaakt.',
    en: 'There already is a record with this BSN. A second record for the same person is not created.',
  },
  'patient.exists.field': { nl: 'Er is al een patiënt met dit {field}.', en: 'A patient with this {field} already exists.' },
  'patient.relationshipRequired.title': { nl: 'Behandelrelatie bevestigen', en: 'Confirm treatment relationship' },
  'patient.relationshipRequired.detail': {
    nl: 'Bevestig eerst uw behandelrelatie met deze patiënt voordat het dossier opent.',
    en: 'Please confirm your treatment relationship with this patient before the record opens.',
  },
  'patient.alreadyEnrolled.title': {
    nl: 'Deze patiënt staat al bij uw praktijk ingeschreven',
    en: 'This patient is already enrolled at your practice',
  },
  'patient.alreadyEnrolled.detail': {
    nl: 'Overschrijven is niet nodig: de patiënt staat al ingeschreven bij uw huisartsenpraktijk.',
    en: 'No transfer needed: the patient is already enrolled at your GP practice.',
  },
  'patient.transferConflict.title': { nl: 'De inschrijving is net gewijzigd', en: 'The enrolment has just changed' },
  'patient.transferConflict.detail': {
    nl: 'Op hetzelfde moment is deze patiënt door een andere praktijk overgeschreven. Zoek de patiënt opnieuw op.',
    en: 'At the same moment another practice transferred this patient. Please look the patient up again.',
  },
  'personalia.bsnNotEditable': {
    nl: '{field} kan niet via Personalia worden gewijzigd.',
    en: '{field} cannot be changed in Personal details.',
  },
  'personalia.bsnRequiredForDutchInsurance': {
    nl: 'Voor een verzekering in Nederland is een BSN nodig, en dit dossier heeft geen BSN.',
    en: 'Insurance in the Netherlands needs a BSN, and this record has none.',
  },
  'personalia.notAPharmacy': { nl: '{field} is geen bekende apotheek.', en: '{field} is not a known pharmacy.' },
  // HIS launch (seed 000; modules/his-launch).
  'his.otherUser.title': { nl: 'Deze koppeling is voor een andere gebruiker', en: 'This link is for another user' },
  'his.otherUser.detail': {
    nl: 'Het HIS opende Keten voor een andere gebruiker dan met wie u nu bent ingelogd. Log uit en log in met uw eigen gebruikersnaam, of open de patiënt opnieuw vanuit uw eigen HIS-account.',
    en: 'The HIS opened Keten for a different user than the one logged in now. Log out and log in with your own username, or open the patient again from your own HIS account.',
  },
  'his.launchUsed.title': { nl: 'Deze koppeling is al gebruikt', en: 'This link has already been used' },
  'his.launchUsed.detail': {
    nl: 'Een koppeling vanuit het HIS werkt één keer. Open de patiënt opnieuw vanuit het HIS.',
    en: 'A link from the HIS works once. Open the patient again from the HIS.',
  },
  'his.launchExpired.title': { nl: 'Deze koppeling is verlopen', en: 'This link has expired' },
  'his.launchExpired.detail': {
    nl: 'Een koppeling vanuit het HIS is {minutes} minuten geldig. Open de patiënt opnieuw vanuit het HIS.',
    en: 'A link from the HIS is valid for {minutes} minutes. Open the patient again from the HIS.',
  },
  'his.notConfigured.title': { nl: 'HIS-koppeling nog niet ingericht', en: 'HIS link not set up yet' },
  'his.notConfigured.detail': {
    nl: 'Deze praktijk heeft nog geen organisatienummer en praktijknummer voor de HIS-koppeling. Vraag de helpdesk ze toe te kennen.',
    en: 'This practice has no organisation number and practice number for the HIS link yet. Ask the helpdesk to assign them.',
  },
  'his.accountNotPersonal.title': { nl: 'Alleen voor persoonlijke accounts', en: 'Personal accounts only' },
  'his.accountNotPersonal.detail': {
    nl: 'HIS-koppelingen zijn persoonsgebonden: een algemeen account (zoals "poh-somatiek" of "assistente") krijgt geen link.',
    en: 'HIS links are personal: a generic account (such as "poh-somatiek" or "assistente") gets no link.',
  },
  'field.bsnElevenTest': {
    nl: '{field} is geen geldig BSN (de 11-proef klopt niet).',
    en: '{field} is not a valid BSN (it fails the 11 test).',
  },
  'field.postcodeFormat': { nl: '{field} moet de vorm 1234 AB hebben.', en: '{field} must look like 1234 AB.' },
  'field.requiredForDutchInsurance': {
    nl: '{field} is verplicht bij een verzekering in Nederland.',
    en: '{field} is required for insurance in the Netherlands.',
  },
  'field.requiredForForeignInsurance': {
    nl: '{field} is verplicht bij een verzekering buiten Nederland.',
    en: '{field} is required for insurance outside the Netherlands.',
  },
  'field.dateFormat': { nl: '{field} moet een datum zijn (dd-mm-jjjj).', en: '{field} must be a date (dd-mm-yyyy).' },
  'field.dateInFuture': { nl: '{field} mag niet in de toekomst liggen.', en: '{field} cannot be in the future.' },
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
  // The clinical record: tasks, publishing (docs/clinical-record.md §2). A question's problem comes from
  // @keten/forms in both languages (params nl/en), so the server and the web form say the same.
  'form.answerProblem': { nl: '{nl}', en: '{en}' },
  'history.fromAfterTo': { nl: '{field} ligt na de einddatum.', en: '{field} is after the end date.' },
  'form.invalid.title': { nl: 'Het formulier is nog niet compleet', en: 'The form is not complete yet' },
  'form.invalid.detail': {
    nl: 'Vul de gemarkeerde vragen in of verbeter ze; daarna kunt u publiceren.',
    en: 'Answer or correct the marked questions; then you can publish.',
  },
  'form.taskInactive.title': { nl: 'Deze taak is (nog) niet actief', en: 'This task is not active (yet)' },
  'form.taskInactive.detail': {
    nl: 'Niet aan alle voorwaarden van deze taak is voldaan, zie de criteria bij de taak in Activiteiten.',
    en: 'Not all conditions of this task are met; see the criteria of the task in Activities.',
  },
  'form.taskUsed.title': { nl: 'Deze taak is al uitgevoerd', en: 'This task has already been done' },
  'form.taskUsed.detail': {
    nl: 'Deze taak kan maar één keer per patiënt worden gepubliceerd. Wijzig de bestaande registratie via Historie.',
    en: 'This task can be published only once per patient. Change the existing entry through History.',
  },
  'form.trajectoryOpen.title': { nl: 'Dit traject loopt al', en: 'This trajectory is already open' },
  'form.trajectoryOpen.detail': {
    nl: 'De patiënt heeft al een open traject van dit programma; er kan er maar één tegelijk open zijn.',
    en: 'The patient already has an open trajectory of this programme; only one can be open at a time.',
  },
  'form.trajectoryNotOpen.title': { nl: 'Er loopt geen traject', en: 'No trajectory is open' },
  'form.trajectoryNotOpen.detail': {
    nl: 'De patiënt heeft geen open traject van dit programma om te stoppen.',
    en: 'The patient has no open trajectory of this programme to stop.',
  },
  'form.requestIdUsed.title': {
    nl: 'Dit verzoek is al voor iets anders gebruikt',
    en: 'This request was already used for something else',
  },
  'form.requestIdUsed.detail': {
    nl: 'Laad de pagina opnieuw en publiceer nogmaals.',
    en: 'Reload the page and publish again.',
  },
  'referral.organisation.title': { nl: 'Kies waarnaar je verwijst', en: 'Choose where to refer to' },
  'referral.organisation.detail': {
    nl: '{field}: kies een organisatie van de soort waarnaar deze taak verwijst.',
    en: '{field}: choose an organisation of the kind this task refers to.',
  },
  'referral.letter.title': { nl: 'De verwijsbrief kan niet worden toegevoegd', en: 'The referral letter cannot be attached' },
  'referral.letter.detail': {
    nl: '{field}: upload de brief opnieuw (alleen je eigen, nog niet verstuurde bestand).',
    en: '{field}: upload the letter again (only your own file, not sent before).',
  },
  'blob.empty.title': { nl: 'Het bestand is leeg', en: 'The file is empty' },
  'blob.empty.detail': { nl: '{field}: het bestand is leeg.', en: '{field}: the file is empty.' },
  'blob.tooLarge.title': { nl: 'Het bestand is te groot', en: 'The file is too large' },
  'blob.tooLarge.detail': {
    nl: '{field}: het bestand is groter dan {max} MB.',
    en: '{field}: the file is larger than {max} MB.',
  },
  'blob.type.title': { nl: 'Dit soort bestand kan niet worden toegevoegd', en: 'This kind of file cannot be attached' },
  'blob.type.detail': {
    nl: '{field}: alleen PDF, PNG en JPEG kunnen worden toegevoegd (gecontroleerd op de inhoud, niet op de naam).',
    en: '{field}: only PDF, PNG and JPEG can be attached (checked by content, not by name).',
  },
  'messages.recipientsWithoutAccess.title': {
    nl: 'Niet alle ontvangers mogen deze patiënt zien',
    en: 'Not all recipients may see this patient',
  },
  'messages.recipientsWithoutAccess.detail': {
    nl: '{field}: een bericht over deze patiënt kan niet naar {names}, want zij hebben geen toegang tot deze patiënt. Haal hen weg of verstuur het bericht zonder patiënt.',
    en: '{field}: a message about this patient cannot go to {names}, because they have no access to this patient. Remove them or send the message without the patient.',
  },
  'messages.replyRecipientsWithoutAccess.detail': {
    nl: '{field}: een antwoord over deze patiënt kan niet naar {names}, want zij hebben geen toegang (meer) tot deze patiënt. Er is niets verstuurd. Begin zo nodig een nieuw bericht aan de anderen.',
    en: '{field}: a reply about this patient cannot go to {names}, because they no longer have access to this patient. Nothing was sent. If needed, start a new message to the others.',
  },
  'messages.recipientUnknown.detail': {
    nl: '{field}: een of meer ontvangers bestaan niet of zijn niet (meer) actief.',
    en: '{field}: one or more recipients do not exist or are no longer active.',
  },
  'messages.noRecipients.detail': {
    nl: '{field}: kies minstens één ontvanger of groep.',
    en: '{field}: choose at least one recipient or group.',
  },
  'messages.attachmentUnknown.title': { nl: 'Bijlage niet gevonden', en: 'Attachment not found' },
  'messages.attachmentUnknown.detail': {
    nl: '{field}: een bijlage is niet gevonden of al bij een ander bericht gebruikt. Voeg het bestand opnieuw toe.',
    en: '{field}: an attachment was not found or is already used in another message. Add the file again.',
  },
  'messages.helpdeskUnavailable.title': { nl: 'De helpdesk is niet bereikbaar', en: 'The helpdesk cannot be reached' },
  'messages.helpdeskUnavailable.detail': {
    nl: 'Er is geen helpdeskaccount actief. Neem telefonisch contact op met de zorggroep.',
    en: 'No helpdesk account is active. Please call the care group.',
  },
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
