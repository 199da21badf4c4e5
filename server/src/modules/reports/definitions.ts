import type { IndicatorRule } from '../../patient-data/reports-indicators.js';

// The standard reports and quality indicators as data (seed 001 §3.5). A new indicator is a new entry here: the
// SQL (patient-data/reports-indicators.ts) reads programme, measure, window and threshold from it, the screen
// shows title and definition, the export names its columns from it.

export interface LocalText {
  nl: string;
  en: string;
}

export interface IndicatorDefinition extends IndicatorRule {
  code: string;
  title: LocalText;
  /** The definition as shown on screen and in the export: who counts, and when a patient meets it. */
  description: LocalText;
}

export const indicators: readonly IndicatorDefinition[] = [
  {
    code: 'dm2-hba1c-measured',
    title: {
      nl: 'DM2-patiënten met HbA1c in de afgelopen 12 maanden',
      en: 'DM2 patients with HbA1c in the last 12 months',
    },
    description: {
      nl: 'Noemer: patiënten met een open traject Ketenzorg DM2 op de peildatum. Teller: van hen, met ten minste één HbA1c-meting in de 12 maanden tot en met de peildatum.',
      en: 'Denominator: patients with an open DM2 chain-care trajectory on the reference date. Numerator: of those, with at least one HbA1c measurement in the 12 months up to and including the reference date.',
    },
    programme: 'DM2',
    measureCode: 'hba1c',
    windowMonths: 12,
    threshold: null,
  },
  {
    code: 'dm2-hba1c-target',
    title: {
      nl: 'DM2-patiënten met HbA1c ≤ 53 mmol/mol (laatste meting)',
      en: 'DM2 patients with HbA1c ≤ 53 mmol/mol (latest measurement)',
    },
    description: {
      nl: 'Noemer: patiënten met een open traject Ketenzorg DM2 op de peildatum. Teller: van hen, bij wie de laatste HbA1c in de 12 maanden tot en met de peildatum ≤ 53 mmol/mol is. Zonder meting telt de patiënt niet mee in de teller.',
      en: 'Denominator: patients with an open DM2 chain-care trajectory on the reference date. Numerator: of those, whose latest HbA1c in the 12 months up to and including the reference date is ≤ 53 mmol/mol. Without a measurement the patient is not in the numerator.',
    },
    programme: 'DM2',
    measureCode: 'hba1c',
    windowMonths: 12,
    threshold: { comparator: '<=', value: 53 },
  },
  {
    code: 'cvrm-bp-target',
    title: {
      nl: 'CVRM-patiënten met bloeddruk op streefwaarde (laatste systolisch < 140)',
      en: 'CVRM patients with blood pressure on target (latest systolic < 140)',
    },
    description: {
      nl: 'Noemer: patiënten met een open traject CVRM op de peildatum. Teller: van hen, bij wie de laatste systolische bloeddruk in de 12 maanden tot en met de peildatum lager is dan 140 mmHg.',
      en: 'Denominator: patients with an open CVRM trajectory on the reference date. Numerator: of those, whose latest systolic blood pressure in the 12 months up to and including the reference date is below 140 mmHg.',
    },
    programme: 'CVRM',
    measureCode: 'bp-systolic',
    windowMonths: 12,
    threshold: { comparator: '<', value: 140 },
  },
  {
    code: 'cvrm-ldl-measured',
    title: {
      nl: 'CVRM-patiënten met LDL in de afgelopen 12 maanden',
      en: 'CVRM patients with LDL in the last 12 months',
    },
    description: {
      nl: 'Noemer: patiënten met een open traject CVRM op de peildatum. Teller: van hen, met ten minste één LDL-cholesterolmeting in de 12 maanden tot en met de peildatum.',
      en: 'Denominator: patients with an open CVRM trajectory on the reference date. Numerator: of those, with at least one LDL cholesterol measurement in the 12 months up to and including the reference date.',
    },
    programme: 'CVRM',
    measureCode: 'ldl',
    windowMonths: 12,
    threshold: null,
  },
  {
    code: 'copd-fev1-measured',
    title: {
      nl: 'COPD-patiënten met longfunctie (FEV1) in de afgelopen 12 maanden',
      en: 'COPD patients with lung function (FEV1) in the last 12 months',
    },
    description: {
      nl: 'Noemer: patiënten met een open traject COPD op de peildatum. Teller: van hen, met ten minste één FEV1-meting (% van voorspeld) in de 12 maanden tot en met de peildatum.',
      en: 'Denominator: patients with an open COPD trajectory on the reference date. Numerator: of those, with at least one FEV1 measurement (% predicted) in the 12 months up to and including the reference date.',
    },
    programme: 'COPD',
    measureCode: 'fev1-predicted',
    windowMonths: 12,
    threshold: null,
  },
];

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return indicators.find((indicator) => indicator.code === code);
}

/** The tables of the Rapportages page. */
export const reports = [
  {
    code: 'linked-patients',
    title: { nl: 'Patiënten gekoppeld aan mijn organisatie', en: 'Patients linked to my organisation' },
    description: {
      nl: 'Patiënten die op de peildatum bij uw organisatie ingeschreven zijn, er een open traject hebben, ernaar verwezen zijn, er opgenomen zijn of met wie een medewerker een behandelrelatie heeft bevestigd.',
      en: 'Patients who on the reference date are enrolled at your organisation, have an open trajectory there, were referred to it, are admitted there or with whom a member of staff confirmed a treatment relationship.',
    },
  },
  {
    code: 'trajectories',
    title: { nl: 'Patiënten per traject', en: 'Patients per trajectory' },
    description: {
      nl: 'Open trajecten van uw organisatie op de peildatum, per programma.',
      en: "Your organisation's open trajectories on the reference date, per programme.",
    },
  },
  {
    code: 'indicators',
    title: { nl: 'Kwaliteitsindicatoren', en: 'Quality indicators' },
    description: {
      nl: 'Teller, noemer en percentage per indicator, over de patiënten waarvoor uw organisatie verantwoordelijk is.',
      en: 'Numerator, denominator and percentage per indicator, over the patients your organisation is responsible for.',
    },
  },
] as const;
