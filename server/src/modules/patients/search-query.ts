import { isValidBsn } from '../../domain/bsn.js';
import type { PatientSearchCriteria } from '../../patient-data/patient-search.js';

/**
 * One search box, as users type (seed 001 §1 item 10): "15982", "P15982" or "P0000015982" (P-ID), a BSN
 * (9 digits passing the 11-proef), a birth date "12-03-1961", an old id of the previous system, or (part of)
 * a family name with or without tussenvoegsel. Terms combine: "jong 12-03-1961", "999990019 12-03-1961".
 */
export function parseSearchQuery(query: string): PatientSearchCriteria {
  const criteria: PatientSearchCriteria = {};
  const nameParts: string[] = [];
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const date = term.match(/^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/);
    if (date) {
      criteria.birthDate = `${date[3]}-${date[2]?.padStart(2, '0')}-${date[1]?.padStart(2, '0')}`;
      continue;
    }
    const patientId = term.match(/^[Pp](\d{1,10})$/);
    if (patientId?.[1]) {
      criteria.patientNumber = String(Number(patientId[1]));
      continue;
    }
    if (/^\d{9}$/.test(term) && isValidBsn(term)) {
      criteria.bsn = term;
      continue;
    }
    if (/^\d{1,10}$/.test(term)) {
      // Old ids keep their own form (the previous system's ids start with 3); P-ids drop leading zeros.
      criteria.patientNumber = term.startsWith('0') ? String(Number(term)) : term;
      continue;
    }
    nameParts.push(term);
  }
  if (nameParts.length > 0) criteria.name = nameParts.join(' ');
  return criteria;
}
