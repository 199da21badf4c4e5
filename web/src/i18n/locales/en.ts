import type { Locale } from '../types';
import type { Translation } from './nl';

// Typed as the full Dutch shape: English must translate every key.
const translation: Translation = {
  common: {
    appName: 'Keten',
    tagline: 'Regional care platform',
    language: 'Language',
    skipToContent: 'Skip to content',
    openMenu: 'Open menu',
    closeMenu: 'Close menu',
    mainNavigation: 'Main menu',
    allPortals: 'All portals',
    homePage: 'Home page',
    homeLink: 'Keten, go to the home page',
  },
  faces: {
    werkplek: 'Workspace',
    mijn: 'My Keten',
    verwijzer: 'Referrer portal',
  },
  errors: {
    generic: 'Something went wrong',
    genericDetail: 'Please try again later. If it keeps failing, contact the helpdesk.',
    network: 'No connection to the server',
    networkDetail: 'Check your internet connection and try again.',
  },
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist (any more). Check the address or go back to the home page.',
    backHome: 'Go to the home page',
  },
  landing: {
    title: 'Welcome to Keten',
    intro: 'One record for the whole chain of care in the region. Choose what you want to work with.',
    werkplek: {
      audience: 'For care providers',
      description: 'The chain-care record for GP practices and their partners: patients, tasks, referrals, signals and messages.',
      action: 'Go to the Workspace',
    },
    mijn: {
      audience: 'For patients',
      description: 'View your own record, book appointments and decide who may see your data. Log in with DigiD, itsme or eID.',
      action: 'Go to My Keten',
    },
    verwijzer: {
      audience: 'For referrers',
      description:
        'GPs outside the institution read the record of patients who gave their consent. Log in with an UZI card or Zorg-ID.',
      action: 'Go to the Referrer portal',
    },
  },
  werkplek: {
    nav: {
      dashboard: 'Dashboard',
      patientSearch: 'Find patient',
      signals: 'Signals',
      messages: 'Messages',
      reports: 'Reports',
      patientAdd: 'Add patient',
      helpdesk: 'Helpdesk',
      settings: 'Settings',
    },
    login: {
      title: 'Log in',
      intro: 'Log in with your personal account. You will then receive a verification code by email.',
      username: 'Username',
      usernameDescription: 'For example jdevries.hapz',
      usernameRequired: 'Enter your username',
      password: 'Password',
      passwordRequired: 'Enter your password',
      submit: 'Log in',
      forgotPassword: 'Forgot password?',
      showPassword: 'Show password',
    },
    forgotPassword: {
      title: 'Forgot password',
      intro: 'Enter your username and click "Send email". You will receive an email with a link to set a new password.',
      submit: 'Send email',
      backToLogin: 'Back to log in',
      sentTitle: 'Email sent',
      sent: 'If this username is known to us, you will receive an email with a link within a few minutes. The link can be used once.',
    },
  },
  mijn: {
    login: {
      title: 'Log in to My Keten',
      intro: 'In My Keten you see your own health data and arrange your own care matters.',
      canDoTitle: 'What can you do in My Keten?',
      canDoRecord: 'View your own record: appointments, results, reports, medication and your GP record.',
      canDoAppointments: 'Book, view and cancel appointments.',
      canDoAccess: "Manage access: decide which care providers may see your data, and open your children's records.",
      chooseMethod: 'Choose how to log in',
      digid: 'Log in with DigiD',
      digidHint: 'For people living or insured in the Netherlands.',
      itsme: 'Log in with itsme',
      eid: 'Log in with eID',
      belgiumHint: 'For people living in Belgium: with the itsme app or your electronic identity card and a card reader.',
      privacy: 'We only use your data to give you secure access to your record.',
    },
  },
  verwijzer: {
    login: {
      title: 'Log in for referrers',
      intro: 'The Referrer portal is for GPs and other referrers from outside the institution.',
      howTitle: 'Log in with an UZI card or Zorg-ID',
      how: 'You log in with the certificate on your UZI card through Zorg-ID. Insert your UZI card into the card reader, choose the certificate when your browser asks for it and enter your PIN.',
      submit: 'Log in with UZI card',
      whatTitle: 'What do you see?',
      what: 'You only see patients who gave you their consent, at the desk or in My Keten.',
      whatItems: {
        general: 'General data and appointments (coming and past)',
        reports: 'Treatment reports and correspondence to the GP and other care providers',
        medication: 'Medication prescribed by the institution',
        results: 'Results: lab, microbiology, pathology and radiology',
      },
    },
  },
};

export default {
  code: 'en',
  name: 'English',
  faces: ['werkplek', 'mijn', 'verwijzer'],
  translation,
} satisfies Locale;
