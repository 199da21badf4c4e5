import type { Locale } from '../types';

// Dutch is the source language: every other locale is checked against this shape. The words
// follow the source manuals (shared/seeds): the Werkplek says "je" (seed 001), the patient and
// referrer portals say "u" (seeds 003, 004).
const translation = {
  common: {
    appName: 'Keten',
    tagline: 'Regionaal zorgplatform',
    language: 'Taal',
    skipToContent: 'Naar de inhoud',
    openMenu: 'Menu openen',
    closeMenu: 'Menu sluiten',
    mainNavigation: 'Hoofdmenu',
    allPortals: 'Alle portalen',
    homePage: 'Startpagina',
    homeLink: 'Keten, naar de startpagina',
  },
  faces: {
    werkplek: 'Werkplek',
    mijn: 'Mijn Keten',
    verwijzer: 'Verwijzersportaal',
  },
  errors: {
    generic: 'Er ging iets mis',
    genericDetail: 'Probeer het later opnieuw. Blijft het misgaan, neem dan contact op met de helpdesk.',
    network: 'Geen verbinding met de server',
    networkDetail: 'Controleer uw internetverbinding en probeer het opnieuw.',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    text: 'De pagina die u zoekt bestaat niet (meer). Controleer het adres of ga terug naar de startpagina.',
    backHome: 'Naar de startpagina',
  },
  landing: {
    title: 'Welkom bij Keten',
    intro: 'Eén dossier voor de hele zorgketen in de regio. Kies hieronder waarmee u wilt werken.',
    werkplek: {
      audience: 'Voor zorgverleners',
      description:
        'Het ketenzorgdossier voor huisartsenpraktijken en ketenpartners: patiënten, taken, verwijzingen, signalen en berichten.',
      action: 'Naar de Werkplek',
    },
    mijn: {
      audience: 'Voor patiënten',
      description:
        'Uw eigen dossier inzien, afspraken maken en bepalen wie uw gegevens mag zien. Inloggen met DigiD, itsme of eID.',
      action: 'Naar Mijn Keten',
    },
    verwijzer: {
      audience: 'Voor verwijzers',
      description:
        'Huisartsen van buiten de instelling bekijken het dossier van patiënten die daarvoor toestemming gaven. Inloggen met UZI-pas of Zorg-ID.',
      action: 'Naar het Verwijzersportaal',
    },
  },
  werkplek: {
    nav: {
      dashboard: 'Dashboard',
      patientSearch: 'Patiënt zoeken',
      signals: 'Signalen',
      messages: 'Berichten',
      reports: 'Rapportages',
      patientAdd: 'Patiënt toevoegen',
      helpdesk: 'Helpdesk',
      settings: 'Instellingen',
    },
    login: {
      title: 'Inloggen',
      intro: 'Log in met je persoonlijke account. Daarna ontvang je een verificatiecode per e-mail.',
      username: 'Gebruikersnaam',
      usernameDescription: 'Bijvoorbeeld jdevries.hapz',
      usernameRequired: 'Vul je gebruikersnaam in',
      password: 'Wachtwoord',
      passwordRequired: 'Vul je wachtwoord in',
      submit: 'Inloggen',
      forgotPassword: 'Wachtwoord vergeten?',
      showPassword: 'Wachtwoord tonen',
    },
    forgotPassword: {
      title: 'Wachtwoord vergeten',
      intro:
        'Vul je gebruikersnaam in en klik op "Verstuur mail". Je ontvangt een mail met een link om een nieuw wachtwoord in te stellen.',
      submit: 'Verstuur mail',
      backToLogin: 'Terug naar inloggen',
      sentTitle: 'Mail verstuurd',
      sent: 'Als deze gebruikersnaam bij ons bekend is, ontvang je binnen enkele minuten een mail met een link. De link is één keer te gebruiken.',
    },
  },
  mijn: {
    login: {
      title: 'Inloggen bij Mijn Keten',
      intro: 'In Mijn Keten ziet u uw eigen gezondheidsgegevens en regelt u zelf uw zorgzaken.',
      canDoTitle: 'Wat kunt u in Mijn Keten?',
      canDoRecord: 'Uw eigen dossier inzien: afspraken, uitslagen, verslagen, medicatie en uw huisartsdossier.',
      canDoAppointments: 'Afspraken maken, bekijken en annuleren.',
      canDoAccess:
        'Toegangen beheren: bepalen welke zorgverleners uw gegevens mogen zien, en het dossier van uw kinderen openen.',
      chooseMethod: 'Kies hoe u wilt inloggen',
      digid: 'Inloggen met DigiD',
      digidHint: 'Voor wie in Nederland woont of verzekerd is.',
      itsme: 'Inloggen met itsme',
      eid: 'Inloggen met eID',
      belgiumHint: 'Voor wie in België woont: met de itsme-app of uw elektronische identiteitskaart en kaartlezer.',
      privacy: 'Wij gebruiken uw gegevens alleen om u veilig toegang te geven tot uw dossier.',
    },
  },
  verwijzer: {
    login: {
      title: 'Inloggen voor verwijzers',
      intro: 'Het Verwijzersportaal is voor huisartsen en andere verwijzers van buiten de instelling.',
      howTitle: 'Inloggen met UZI-pas of Zorg-ID',
      how: 'U logt in met het certificaat op uw UZI-pas via Zorg-ID. Steek uw UZI-pas in de kaartlezer, kies het certificaat als uw browser daarom vraagt en voer uw pincode in.',
      submit: 'Inloggen met UZI-pas',
      whatTitle: 'Wat ziet u?',
      what: 'U ziet alleen patiënten die u daarvoor toestemming gaven, aan de balie of in Mijn Keten.',
      whatItems: {
        general: 'Algemene gegevens en afspraken (komend en geweest)',
        reports: 'Behandelverslagen en correspondentie aan de huisarts en andere zorgverleners',
        medication: 'Medicatie die de instelling voorschreef',
        results: 'Uitslagen: lab, microbiologie, pathologie en radiologie',
      },
    },
  },
};

export type Translation = typeof translation;

export default {
  code: 'nl',
  name: 'Nederlands',
  faces: ['werkplek', 'mijn', 'verwijzer'],
  translation,
} satisfies Locale;
