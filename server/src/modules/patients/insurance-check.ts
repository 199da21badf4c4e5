import type { InsuranceOutcome } from '../../db/schema.js';

/**
 * The insurance-right check (Vecozo COV, "Controle op verzekeringsgegevens", seed 001 §4): given a BSN and a
 * birth date on a date, is the person insured under the Zvw and with whom. The real service needs a Vecozo
 * certificate and contract; here it is an interface with a local simulator, replaceable by a real client.
 */
export interface InsuranceCheck {
  readonly source: string;
  check(request: { bsn: string; birthDate: string; onDate: string }): Promise<InsuranceCheckResult>;
}

export type InsuranceCheckResult =
  | { outcome: 'insured'; insurerName: string; uzoviCode: string; policyNumber: string }
  | { outcome: Exclude<InsuranceOutcome, 'insured'> };

const INSURERS = [
  { name: 'Zilveren Kruis', uzovi: '3311' },
  { name: 'VGZ', uzovi: '7095' },
  { name: 'CZ', uzovi: '9018' },
  { name: 'Menzis', uzovi: '3332' },
  { name: 'DSW', uzovi: '3343' },
  { name: 'ONVZ', uzovi: '3358' },
  { name: 'Zorg en Zekerheid', uzovi: '3313' },
] as const;

/**
 * Deterministic answers from the BSN, so demos and tests know what to expect:
 * the 8th digit 7 → not insured; 8 → the service is unavailable; otherwise insured, the insurer chosen by the
 * BSN and a policy number derived from it. The demo persons (99999xxxx) are all insured.
 */
export const vecozoCovSimulator: InsuranceCheck = {
  source: 'vecozo-cov-simulator',
  async check({ bsn }) {
    const eighth = bsn[7];
    if (eighth === '7') return { outcome: 'not-insured' };
    if (eighth === '8') return { outcome: 'unavailable' };
    const digits = [...bsn].reduce((sum, digit) => sum + Number(digit), 0);
    const insurer = INSURERS[digits % INSURERS.length] ?? INSURERS[0];
    return {
      outcome: 'insured',
      insurerName: insurer.name,
      uzoviCode: insurer.uzovi,
      policyNumber: `${insurer.uzovi}${bsn.slice(3)}`,
    };
  },
};
