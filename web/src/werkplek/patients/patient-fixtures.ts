import type { PatientCard } from './patients-api';

// Patients as the server gives them (server/src/modules/patients/schemas.ts), for component tests.

/** Anna de Jong (P0000000001), enrolled at Zonnehof, insured, with a pharmacy. */
export const annaCard: PatientCard = {
  id: '1',
  displayId: 'P0000000001',
  bsn: '999990019',
  insuranceCountry: 'NL',
  roepnaam: 'Anna',
  familyNamePrefix: 'de',
  familyName: 'Jong',
  birthDate: '1961-03-12',
  gender: 'female',
  practice: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
  pharmacy: { id: '9', name: 'Apotheek De Linde' },
  lastInsuranceCheck: {
    checkedAt: '2025-02-03T09:15:00Z',
    outcome: 'insured',
    insurerName: 'Zilveren Kruis',
    uzoviCode: '3311',
    policyNumber: '3311990019',
  },
  accessReason: 'treatment-relationship',
  dayCurvesAvailable: true,
};
