import type {
  IndicatorCount,
  IndicatorFilter,
  IndicatorPatientRow,
  IndicatorRule,
} from '../../patient-data/reports-indicators.js';
import type { LinkedPatientRow, TrajectoryCount, TrajectoryPatientRow } from '../../patient-data/reports-patients.js';
import type { LinkKind, ReportPatientColumns } from '../../patient-data/reports-population.js';
import type { RegionOrganisation } from '../../patient-data/reports-region.js';
import type { Cell, ColumnType } from './export.js';
import type { SuppressedCount } from './suppression.js';

// The standard reports and quality indicators as data (seed 001 §3.5). A new indicator is a new entry here: the
// SQL (patient-data/reports-indicators.ts) reads programme, measure, window and threshold from it, the screen
// shows title and definition, the export names its columns from it. Each report carries its columns (header in
// Dutch and English, cell type, how a row gives the cell), so one export path (service.ts) serves every report,
// and the region's reports are shown on screen from the same columns.

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

export type ReportCode = 'linked-patients' | 'trajectories' | 'indicators';

/** A cell as a report gives it: a value, or text in both languages (the export writes the Dutch). */
export type ReportCell = Cell | LocalText;

export interface ReportColumn<Row> {
  key: string;
  header: LocalText;
  type: ColumnType;
  /** Column width in the Excel sheet (characters). */
  width?: number;
  value: (row: Row) => ReportCell;
}

export interface ReportDefinition<Result, Row> {
  code: ReportCode;
  title: LocalText;
  description: LocalText;
  /** File name stem and sheet name of the export (`keten-<file>.xlsx`). */
  file: string | ((result: Result) => string);
  /** The report's title in the export; `title.nl` when left out. */
  exportTitle?: (result: Result) => string;
  columns: readonly ReportColumn<Row>[];
  rows: (result: Result) => readonly Row[];
  /** Lines for the export's "Toelichting" sheet after organisation, reference date, author and time. */
  notes: (result: Result) => [string, string][];
}

/** Lets a list hold definitions of different results and rows. */
// biome-ignore lint/suspicious/noExplicitAny: each entry is checked against its own result and row types where it is defined
export type AnyReportDefinition = ReportDefinition<any, any>;

const text = (nl: string, en: string): LocalText => ({ nl, en });

const LINK_NAMES: Record<LinkKind, LocalText> = {
  enrolment: text('Inschrijving', 'Enrolment'),
  trajectory: text('Traject', 'Trajectory'),
  referral: text('Verwijzing', 'Referral'),
  'treatment-relationship': text('Behandelrelatie', 'Treatment relationship'),
  admission: text('Opname', 'Admission'),
};

const patientColumns: readonly ReportColumn<ReportPatientColumns>[] = [
  { key: 'displayId', header: text('P-ID', 'P-ID'), type: 'text', width: 14, value: (row) => row.displayId },
  { key: 'name', header: text('Naam', 'Name'), type: 'text', width: 30, value: (row) => row.name },
  { key: 'birthDate', header: text('Geboortedatum', 'Date of birth'), type: 'date', width: 14, value: (row) => row.birthDate },
  { key: 'bsn', header: text('BSN', 'BSN'), type: 'text', width: 12, value: (row) => row.bsnMasked },
  {
    key: 'practice',
    header: text('Huisartspraktijk', 'GP practice'),
    type: 'text',
    width: 30,
    value: (row) => row.practiceName,
  },
];

const definitionNote = (description: LocalText): [string, string] => ['Definitie', description.nl];

const linkedDescription = text(
  'Patiënten die op de peildatum bij uw organisatie ingeschreven zijn, er een open traject hebben, ernaar verwezen zijn, er opgenomen zijn of met wie een medewerker een behandelrelatie heeft bevestigd.',
  'Patients who on the reference date are enrolled at your organisation, have an open trajectory there, were referred to it, are admitted there or with whom a member of staff confirmed a treatment relationship.',
);

export const linkedPatientsDefinition: ReportDefinition<{ rows: readonly LinkedPatientRow[] }, LinkedPatientRow> = {
  code: 'linked-patients',
  title: text('Patiënten gekoppeld aan mijn organisatie', 'Patients linked to my organisation'),
  description: linkedDescription,
  file: 'patienten-gekoppeld',
  columns: [
    ...patientColumns,
    {
      key: 'links',
      header: text('Koppeling', 'Link'),
      type: 'text',
      width: 28,
      value: (row) => ({
        nl: row.links.map((link) => LINK_NAMES[link]?.nl ?? link).join(', '),
        en: row.links.map((link) => LINK_NAMES[link]?.en ?? link).join(', '),
      }),
    },
    { key: 'since', header: text('Sinds', 'Since'), type: 'date', width: 14, value: (row) => row.since },
  ],
  rows: (result) => result.rows,
  notes: () => [definitionNote(linkedDescription)],
};

const trajectoriesDescription = text(
  'Open trajecten van uw organisatie op de peildatum, per programma.',
  "Your organisation's open trajectories on the reference date, per programme.",
);

export const trajectoriesDefinition: ReportDefinition<
  { rows: readonly TrajectoryPatientRow[]; counts: readonly TrajectoryCount[] },
  TrajectoryPatientRow
> = {
  code: 'trajectories',
  title: text('Patiënten per traject', 'Patients per trajectory'),
  description: trajectoriesDescription,
  file: 'patienten-per-traject',
  columns: [
    { key: 'programme', header: text('Traject', 'Trajectory'), type: 'text', width: 12, value: (row) => row.programme },
    ...patientColumns,
    { key: 'startedOn', header: text('Startdatum', 'Start date'), type: 'date', width: 14, value: (row) => row.startedOn },
  ],
  rows: (result) => result.rows,
  notes: (result) => [
    definitionNote(trajectoriesDescription),
    ...result.counts.map((count): [string, string] => [`Aantal ${count.programme}`, String(count.patients)]),
  ],
};

export type IndicatorResult = IndicatorDefinition & IndicatorCount & { percentage: number | null };

export const indicatorsDefinition: ReportDefinition<{ indicators: readonly IndicatorResult[] }, IndicatorResult> = {
  code: 'indicators',
  title: text('Kwaliteitsindicatoren', 'Quality indicators'),
  description: text(
    'Teller, noemer en percentage per indicator, over de patiënten waarvoor uw organisatie verantwoordelijk is.',
    'Numerator, denominator and percentage per indicator, over the patients your organisation is responsible for.',
  ),
  file: 'kwaliteitsindicatoren',
  columns: [
    { key: 'title', header: text('Indicator', 'Indicator'), type: 'text', width: 60, value: (row) => row.title },
    { key: 'programme', header: text('Traject', 'Trajectory'), type: 'text', width: 10, value: (row) => row.programme },
    { key: 'numerator', header: text('Teller', 'Numerator'), type: 'number', width: 10, value: (row) => row.numerator },
    { key: 'denominator', header: text('Noemer', 'Denominator'), type: 'number', width: 10, value: (row) => row.denominator },
    {
      key: 'percentage',
      header: text('Percentage', 'Percentage'),
      type: 'percentage',
      width: 12,
      value: (row) => row.percentage,
    },
    { key: 'description', header: text('Definitie', 'Definition'), type: 'text', width: 100, value: (row) => row.description },
  ],
  rows: (result) => result.indicators,
  notes: () => [],
};

const SELECTIONS: Record<IndicatorFilter, string> = {
  all: 'Alle patiënten (noemer)',
  met: 'Voldoet (teller)',
  'not-met': 'Voldoet niet',
};

/** The patients behind one indicator (reached from the indicator cards; exported under the indicator's name). */
export const indicatorPatientsDefinition: ReportDefinition<
  { rows: readonly IndicatorPatientRow[]; indicator: IndicatorResult; filter: IndicatorFilter },
  IndicatorPatientRow
> = {
  code: 'indicators',
  title: indicatorsDefinition.title,
  description: indicatorsDefinition.description,
  file: (result) => `indicator-${result.indicator.code}`,
  exportTitle: (result) => result.indicator.title.nl,
  columns: [
    ...patientColumns,
    {
      key: 'lastValue',
      header: text('Laatste waarde', 'Latest value'),
      type: 'number',
      width: 14,
      value: (row) => row.lastValue,
    },
    {
      key: 'lastMeasuredOn',
      header: text('Datum laatste meting', 'Date of latest measurement'),
      type: 'date',
      width: 20,
      value: (row) => row.lastMeasuredOn,
    },
    {
      key: 'met',
      header: text('Voldoet', 'Meets'),
      type: 'text',
      width: 10,
      value: (row) => (row.met ? text('Ja', 'Yes') : text('Nee', 'No')),
    },
  ],
  rows: (result) => result.rows,
  notes: (result) => [
    ['Indicator', result.indicator.title.nl],
    ['Definitie', result.indicator.description.nl],
    ['Teller / noemer', `${result.indicator.numerator} / ${result.indicator.denominator}`],
    ['Selectie', SELECTIONS[result.filter]],
  ],
};

/** The tables of the Rapportages page of an organisation: its own patients, within the access policy. */
export const reports: readonly AnyReportDefinition[] = [linkedPatientsDefinition, trajectoriesDefinition, indicatorsDefinition];

// The region (platform administrator) -----------------------------------------------------------------------------

/**
 * Roles that see the region's reports: counts per organisation across the region, never a patient row; the
 * patient lists of the reports above are not theirs (404). The care group's platformbeheerder has no patient
 * grounds, so within the access policy its reports would be empty.
 */
export const REGION_ROLES: readonly string[] = ['platformbeheerder'];

export interface RegionResult<Row> {
  /** The organisation chosen in the selector; null = every organisation of the region. */
  organisation: RegionOrganisation | null;
  rows: readonly Row[];
}

export interface RegionLinkedRow {
  organisation: string;
  patients: SuppressedCount;
  links: Record<LinkKind, SuppressedCount>;
}

export interface RegionTrajectoryRow {
  organisation: string;
  programme: string;
  patients: SuppressedCount;
}

export interface RegionIndicatorRow {
  organisation: string;
  indicator: IndicatorDefinition;
  numerator: SuppressedCount;
  denominator: SuppressedCount;
  percentage: number | null;
}

const SMALL_CELLS_NOTE: [string, string] = [
  'Kleine aantallen',
  'Aantallen van 1 tot en met 4 staan als "<5"; "x" is afgeschermd omdat het anders een aantal van 1 tot en met 4 verraadt. Geen patiëntgegevens.',
];

/** A region report: its rows as computed, and the selection, definition and small-cell rule in the export. */
function regionReport<Row>(
  report: Pick<ReportDefinition<RegionResult<Row>, Row>, 'code' | 'title' | 'description' | 'file' | 'columns'>,
): ReportDefinition<RegionResult<Row>, Row> {
  return {
    ...report,
    rows: (result) => result.rows,
    notes: (result) => [
      ['Selectie', result.organisation?.name ?? 'Alle organisaties van de regio'],
      definitionNote(report.description),
      SMALL_CELLS_NOTE,
    ],
  };
}

const organisationColumn: ReportColumn<{ organisation: string }> = {
  key: 'organisation',
  header: text('Organisatie', 'Organisation'),
  type: 'text',
  width: 36,
  value: (row) => row.organisation,
};

const regionLinkedDescription = text(
  'Per organisatie het aantal patiënten dat er op de peildatum aan gekoppeld is (inschrijving, open traject, verwijzing, behandelrelatie of opname), en per soort koppeling. Alleen aantallen.',
  'Per organisation the number of patients linked to it on the reference date (enrolment, open trajectory, referral, treatment relationship or admission), and per kind of link. Counts only.',
);

const linkCountColumn = (kind: LinkKind, header: LocalText): ReportColumn<RegionLinkedRow> => ({
  key: kind === 'treatment-relationship' ? 'treatmentRelationship' : kind,
  header,
  type: 'number',
  width: 16,
  value: (row) => row.links[kind],
});

export const regionLinkedDefinition = regionReport<RegionLinkedRow>({
  code: 'linked-patients',
  title: text('Patiënten per organisatie', 'Patients per organisation'),
  description: regionLinkedDescription,
  file: 'regio-patienten-per-organisatie',
  columns: [
    organisationColumn,
    { key: 'patients', header: text('Patiënten', 'Patients'), type: 'number', width: 12, value: (row) => row.patients },
    linkCountColumn('enrolment', text('Ingeschreven', 'Enrolled')),
    linkCountColumn('trajectory', text('Met traject', 'With trajectory')),
    linkCountColumn('referral', text('Verwezen', 'Referred')),
    linkCountColumn('treatment-relationship', text('Behandelrelatie', 'Treatment relationship')),
    linkCountColumn('admission', text('Opgenomen', 'Admitted')),
  ],
});

const regionTrajectoriesDescription = text(
  'Per organisatie en programma het aantal patiënten met een open traject op de peildatum. Alleen aantallen.',
  'Per organisation and programme the number of patients with an open trajectory on the reference date. Counts only.',
);

export const regionTrajectoriesDefinition = regionReport<RegionTrajectoryRow>({
  code: 'trajectories',
  title: text('Trajecten per organisatie', 'Trajectories per organisation'),
  description: regionTrajectoriesDescription,
  file: 'regio-trajecten-per-organisatie',
  columns: [
    organisationColumn,
    { key: 'programme', header: text('Traject', 'Trajectory'), type: 'text', width: 12, value: (row) => row.programme },
    { key: 'patients', header: text('Patiënten', 'Patients'), type: 'number', width: 12, value: (row) => row.patients },
  ],
});

const regionIndicatorsDescription = text(
  'Teller, noemer en percentage per indicator en organisatie, over alle patiënten waarvoor de organisatie verantwoordelijk is (alle metingen, ongeacht wie ze mag inzien). Alleen aantallen.',
  'Numerator, denominator and percentage per indicator and organisation, over all patients the organisation is responsible for (every measurement, whoever may read it). Counts only.',
);

export const regionIndicatorsDefinition = regionReport<RegionIndicatorRow>({
  code: 'indicators',
  title: text('Kwaliteitsindicatoren per organisatie', 'Quality indicators per organisation'),
  description: regionIndicatorsDescription,
  file: 'regio-kwaliteitsindicatoren',
  columns: [
    organisationColumn,
    { key: 'indicator', header: text('Indicator', 'Indicator'), type: 'text', width: 60, value: (row) => row.indicator.title },
    {
      key: 'programme',
      header: text('Traject', 'Trajectory'),
      type: 'text',
      width: 10,
      value: (row) => row.indicator.programme,
    },
    { key: 'numerator', header: text('Teller', 'Numerator'), type: 'number', width: 10, value: (row) => row.numerator },
    { key: 'denominator', header: text('Noemer', 'Denominator'), type: 'number', width: 10, value: (row) => row.denominator },
    {
      key: 'percentage',
      header: text('Percentage', 'Percentage'),
      type: 'percentage',
      width: 12,
      value: (row) => row.percentage,
    },
  ],
});

/** The region's tables, under the same codes as an organisation's (the page shows the same three tabs). */
export const regionReports: readonly AnyReportDefinition[] = [
  regionLinkedDefinition,
  regionTrajectoriesDefinition,
  regionIndicatorsDefinition,
];
