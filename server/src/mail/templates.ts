import type { Language } from '../http/language.js';
import type { OutgoingMail } from './outbox-repository.js';

// Mail texts in the user's language. Plain text on purpose: no tracking pixels, readable in any client.

export function verificationCodeMail(language: Language, to: string, code: string, validMinutes: number): OutgoingMail {
  return language === 'en'
    ? {
        to,
        kind: 'verification-code',
        subject: `Your Keten verification code: ${code}`,
        text: `Your verification code is ${code}.\n\nEnter it on the login page and press "Verify". The code is valid for ${validMinutes} minutes and can be used once.\n\nDid you not try to log in? Then someone knows your password: change it in Keten (Settings) and inform your practice administrator.`,
      }
    : {
        to,
        kind: 'verification-code',
        subject: `Uw verificatiecode voor Keten: ${code}`,
        text: `Uw verificatiecode is ${code}.\n\nVul deze in op de inlogpagina en klik op "Verifieer". De code is ${validMinutes} minuten geldig en eenmalig te gebruiken.\n\nHeeft u niet geprobeerd in te loggen? Dan kent iemand uw wachtwoord: wijzig het in Keten (Instellingen) en meld het bij uw praktijkbeheerder.`,
      };
}

export function passwordResetMail(
  language: Language,
  to: string,
  username: string,
  link: string,
  validMinutes: number,
): OutgoingMail {
  return language === 'en'
    ? {
        to,
        kind: 'password-reset',
        subject: 'Set a new password for Keten',
        text: `A new password was requested for the Keten account ${username}.\n\nOpen this link to choose one (valid for ${validMinutes} minutes, usable once):\n${link}\n\nDid you not ask for this? Then you can ignore this mail; your password stays the same.`,
      }
    : {
        to,
        kind: 'password-reset',
        subject: 'Nieuw wachtwoord instellen voor Keten',
        text: `Er is een nieuw wachtwoord aangevraagd voor het Keten-account ${username}.\n\nOpen deze link om er een te kiezen (${validMinutes} minuten geldig, eenmalig te gebruiken):\n${link}\n\nHeeft u dit niet aangevraagd? Dan kunt u deze mail negeren; uw wachtwoord blijft hetzelfde.`,
      };
}

export function accountDeactivatedMail(language: Language, to: string, username: string): OutgoingMail {
  return language === 'en'
    ? {
        to,
        kind: 'account-deactivated',
        subject: 'Your Keten account has been deregistered',
        text: `The Keten account ${username} has been deregistered ("Account afmelden") and can no longer be used to log in.\n\nWas this not you? Contact your practice administrator or the Keten helpdesk.`,
      }
    : {
        to,
        kind: 'account-deactivated',
        subject: 'Uw Keten-account is afgemeld',
        text: `Het Keten-account ${username} is afgemeld en kan niet meer worden gebruikt om in te loggen.\n\nWas u dit niet? Neem contact op met uw praktijkbeheerder of de Keten-helpdesk.`,
      };
}

/** A new message in Berichten: never the subject, the sender's text or anything about a patient. */
export function newMessageMail(language: Language, to: string): OutgoingMail {
  return language === 'en'
    ? {
        to,
        kind: 'new-message',
        subject: 'You have a new message in Keten',
        text: 'You have a new message in Keten.\n\nLog in to Keten and open "Berichten" to read it. For privacy reasons this email does not contain the message itself.\n\nYou can choose which notifications you receive by email under "Instellingen".',
      }
    : {
        to,
        kind: 'new-message',
        subject: 'Je hebt een nieuw bericht in Keten',
        text: 'Je hebt een nieuw bericht in Keten.\n\nLog in op Keten en open "Berichten" om het te lezen. Om privacyredenen staat het bericht zelf niet in deze e-mail.\n\nOnder "Instellingen" kies je welke meldingen je ook per e-mail ontvangt.',
      };
}
