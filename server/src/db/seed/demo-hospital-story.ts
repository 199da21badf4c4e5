import { ageOn, amsterdamTimestamp, dutchDate, toDay } from './dates.js';
import type { DemoStories } from './demo-persons.js';
import { formatMeasurementValue, type MeasurementCodeName, measurementCode } from './measurement-codes.js';

// Pieter Bakker's hospital story (the Verwijzersportaal's "Klinische patiënten" and "Nieuwe
// patiëntinformatie", seed 004): admitted three days ago to Interne geneeskunde with pneumonia, with
// hospital lab results (also as measurements, source 'hospital-lab'), microbiology, an X-thorax, an
// admission report, his medication and a message to his GP at De Brug; and last year's admission at
// Cardiologie with its discharge letter.

const PIETER_BIRTH = '1948-11-23';

type Values = Partial<Record<MeasurementCodeName, number>>;

const labDays: readonly (readonly [daysAgo: number, minuteOfDay: number, values: Values])[] = [
  [
    3,
    15 * 60 + 10,
    {
      crp: 186,
      leukocytes: 15.8,
      hemoglobin: 7.9,
      creatinine: 132,
      egfr: 44,
      sodium: 133,
      potassium: 4.3,
      'glucose-random': 12.4,
      'nt-probnp': 2350,
    },
  ],
  [2, 7 * 60 + 30, { crp: 142, leukocytes: 13.1, creatinine: 124, egfr: 47, potassium: 4.0, 'glucose-random': 9.8 }],
  [
    1,
    7 * 60 + 30,
    { crp: 78, leukocytes: 10.2, hemoglobin: 8.0, creatinine: 115, egfr: 52, sodium: 136, potassium: 4.1, 'glucose-random': 8.6 },
  ],
];

export function buildPieterHospitalStory(today: number): Pick<DemoStories, 'measurements' | 'admissions' | 'documents'> {
  const admittedDay = today - 3;
  const age = ageOn(toDay(PIETER_BIRTH), admittedDay);
  const previousAdmitted = today - 430;
  const previousDischarged = today - 424;
  const at = (day: number, minuteOfDay: number) => amsterdamTimestamp(day, minuteOfDay);

  const measurements: DemoStories['measurements'] = labDays.flatMap(([daysAgo, minute, values]) =>
    (Object.entries(values) as [MeasurementCodeName, number][]).map(([code, value]) => ({
      patient: 'pieter' as const,
      organisation: 'ZKH',
      code,
      value: formatMeasurementValue(code, value),
      unit: measurementCode(code).unit,
      measuredAt: at(today - daysAgo, minute),
      source: 'hospital-lab' as const,
    })),
  );

  const labTable = (values: Values) =>
    (Object.entries(values) as [MeasurementCodeName, number][])
      .map(([code, value]) => {
        const definition = measurementCode(code);
        const range =
          definition.normalLow !== null && definition.normalHigh !== null
            ? `${definition.normalLow}–${definition.normalHigh}`
            : definition.normalHigh !== null
              ? `< ${definition.normalHigh}`
              : `> ${definition.normalLow}`;
        return `${definition.nl}: ${formatMeasurementValue(code, value).replace('.', ',')} ${definition.unit} (ref. ${range})`;
      })
      .join('\n');
  const [firstLab, , lastLab] = labDays;

  const documents: DemoStories['documents'] = [
    {
      patient: 'pieter',
      organisation: 'ZKH-CAR',
      author: 'cardioloog.zkh',
      kind: 'discharge-letter',
      title: 'Ontslagbrief Cardiologie',
      recipient: 'HAPB',
      createdAt: at(previousDischarged, 15 * 60 + 30),
      body: [
        'Geachte collega Van der Heijden,',
        '',
        `Uw patiënt, de heer P.J. Bakker, geboren ${dutchDate(toDay(PIETER_BIRTH))}, was van ${dutchDate(previousAdmitted)} tot ${dutchDate(previousDischarged)} opgenomen op de afdeling Cardiologie.`,
        '',
        "Reden van opname: toenemende dyspneu d'effort en oedeem van beide enkels.",
        'Diagnose: decompensatio cordis bij nieuw ontdekt atriumfibrilleren; HFmrEF (LVEF 45 %).',
        'Beloop: goed herstel op furosemide i.v.; rate control met metoprolol; gestart met apixaban (CHA2DS2-VASc 4).',
        '',
        'Medicatie bij ontslag: furosemide 40 mg 1 dd, metoprolol retard 50 mg 1 dd, apixaban 5 mg 2 dd, atorvastatine 40 mg 1 dd, metformine 500 mg 2 dd.',
        'Beleid: poliklinische controle over 6 weken; graag nierfunctie en kalium na 1 week via de huisarts.',
        '',
        'Met collegiale groet,',
        'K. Janssen, cardioloog',
      ].join('\n'),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH',
      author: null,
      kind: 'radiology',
      title: 'X-thorax (staand, twee richtingen)',
      recipient: null,
      createdAt: at(admittedDay, 16 * 60 + 20),
      body: [
        `Vergeleken met de opname van ${dutchDate(previousAdmitted)}.`,
        'Consolidatie in de rechter onderkwab met positief bronchogram. Gering pleuravocht rechts.',
        'Cor aan de bovengrens van normaal (CTR 0,52), geen tekenen van overvulling.',
        '',
        'Conclusie: beeld passend bij een pneumonie van de rechter onderkwab; gering pleuravocht rechts.',
        '',
        'R. Hoekstra, radioloog',
      ].join('\n'),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH',
      author: null,
      kind: 'lab-result',
      title: 'Laboratoriumuitslagen bij opname (SEH)',
      recipient: null,
      createdAt: at(admittedDay, 15 * 60 + 40),
      body: labTable(firstLab?.[2] ?? {}),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH-INT',
      author: 'specialist.zkh',
      kind: 'treatment-report',
      title: 'Opnameverslag Interne geneeskunde',
      recipient: null,
      createdAt: at(admittedDay, 19 * 60 + 5),
      body: [
        `Anamnese: ${age}-jarige man met DM2, hartfalen (HFmrEF) en atriumfibrilleren; sinds vier dagen koorts, hoesten met geelgroen sputum en toenemende kortademigheid.`,
        'Lichamelijk onderzoek: temperatuur 38,9 °C, RR 128/74 mmHg, pols 104/min irregulair, saturatie 91 % zonder zuurstof. Crepitaties rechts basaal.',
        'Aanvullend onderzoek: CRP 186 mg/l, leukocyten 15,8 × 10^9/l, eGFR 44. X-thorax: consolidatie rechter onderkwab.',
        'Conclusie: pneumonie rechter onderkwab (CURB-65: 2), pre-renale nierfunctiestoornis, ontregelde glucose.',
        'Beleid: amoxicilline/clavulaanzuur i.v., zuurstof op geleide van saturatie, metformine tijdelijk gestaakt, insuline volgens correctieschema, vochtbalans en gewicht dagelijks.',
        '',
        'M.J. van Gils, internist',
      ].join('\n'),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH-INT',
      author: 'specialist.zkh',
      kind: 'medication',
      title: 'Medicatieoverzicht bij opname',
      recipient: null,
      createdAt: at(admittedDay, 20 * 60 + 10),
      body: [
        'Amoxicilline/clavulaanzuur 1000/200 mg 4 dd i.v. (dag 1–2), daarna 500/125 mg 3 dd oraal; totaal 7 dagen — nieuw',
        'Furosemide 40 mg 1 dd — thuismedicatie, gecontinueerd',
        'Metoprolol retard 50 mg 1 dd — thuismedicatie, gecontinueerd',
        'Apixaban 5 mg 2 dd — thuismedicatie, gecontinueerd',
        'Atorvastatine 40 mg 1 dd — thuismedicatie, gecontinueerd',
        'Metformine 500 mg 2 dd — tijdelijk gestaakt (acute ziekte, nierfunctie)',
        'Insuline aspart volgens correctieschema — tijdens opname',
        'Paracetamol 1000 mg 4 dd zo nodig — nieuw',
      ].join('\n'),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH-INT',
      author: 'specialist.zkh',
      kind: 'correspondence',
      title: 'Bericht aan de huisarts: opname Interne geneeskunde',
      recipient: 'HAPB',
      createdAt: at(today - 2, 10 * 60 + 30),
      body: [
        'Geachte collega Van der Heijden,',
        '',
        `Ter informatie: uw patiënt, de heer P.J. Bakker, geboren ${dutchDate(toDay(PIETER_BIRTH))}, is op ${dutchDate(admittedDay)} opgenomen op onze afdeling Interne geneeskunde met een pneumonie van de rechter onderkwab.`,
        'Hij knapt op van de antibiotica; de metformine is tijdelijk gestaakt vanwege de nierfunctie. Wij verwachten hem binnen enkele dagen met ontslag te laten gaan en sturen u dan een ontslagbrief.',
        '',
        'Met collegiale groet,',
        'M.J. van Gils, internist',
      ].join('\n'),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH',
      author: null,
      kind: 'microbiology',
      title: 'Bloedkweken en sputumkweek',
      recipient: null,
      createdAt: at(today - 1, 11 * 60),
      body: [
        'Bloedkweken (2 sets, afgenomen bij opname): voorlopig geen groei na 48 uur.',
        'Sputumkweek: Streptococcus pneumoniae, gevoelig voor amoxicilline.',
        '',
        'Medische microbiologie, Streekziekenhuis',
      ].join('\n'),
    },
    {
      patient: 'pieter',
      organisation: 'ZKH',
      author: null,
      kind: 'lab-result',
      title: 'Laboratoriumuitslagen dag 3',
      recipient: null,
      createdAt: at(today - 1, 8 * 60 + 20),
      body: labTable(lastLab?.[2] ?? {}),
    },
  ];

  const admissions: DemoStories['admissions'] = [
    {
      patient: 'pieter',
      department: 'ZKH-CAR',
      attending: 'cardioloog.zkh',
      admittedAt: at(previousAdmitted, 22 * 60 + 15),
      dischargedAt: at(previousDischarged, 14 * 60),
      reason: 'Decompensatio cordis bij nieuw ontdekt atriumfibrilleren',
    },
    {
      patient: 'pieter',
      department: 'ZKH-INT',
      attending: 'specialist.zkh',
      admittedAt: at(admittedDay, 14 * 60 + 35),
      dischargedAt: null,
      reason: 'Pneumonie rechter onderkwab bij hartfalen en DM2',
    },
  ];

  return { measurements, admissions, documents };
}
