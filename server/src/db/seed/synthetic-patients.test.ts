import { describe, expect, it } from 'vitest';
import { isValidBsn } from './bsn.js';
import { addYears, ageOn, fromDay, toDay } from './dates.js';
import { demoPatients } from './demo-persons.js';
import { PRACTICES } from './demo-region.js';
import { findMeasurementCode } from './measurement-codes.js';
import { generateSyntheticPatient, generateSyntheticPatients, type SyntheticPatient } from './synthetic-patients.js';

const REFERENCE = '2026-11-29';
const referenceDay = toDay(REFERENCE);
const SEED = 20261129;
const population = generateSyntheticPatients(SEED, 0, 5000, REFERENCE);
const ageOf = (patient: SyntheticPatient) => ageOn(toDay(patient.patient.birth_date), referenceDay);
const share = (part: number, whole: number) => part / whole;

describe('generateSyntheticPatient', () => {
  it('gives identical output for the same seed, index and reference date', () => {
    expect(JSON.stringify(generateSyntheticPatients(SEED, 0, 300, REFERENCE))).toBe(JSON.stringify(population.slice(0, 300)));
  });

  it('does not depend on which other patients are generated (batch boundaries)', () => {
    expect(generateSyntheticPatient(SEED, 1234, REFERENCE)).toEqual(population[1234]);
    expect(generateSyntheticPatients(SEED, 1200, 100, REFERENCE)[34]).toEqual(population[1234]);
  });

  it('gives other people for another seed, with the same BSNs per index', () => {
    const other = generateSyntheticPatients(SEED + 1, 0, 300, REFERENCE);
    const sameName = other.filter((patient, index) => {
      const mine = population[index]?.patient;
      return mine && patient.patient.family_name === mine.family_name && patient.patient.birth_date === mine.birth_date;
    });
    expect(sameName.length).toBeLessThan(10);
    expect(other.map((patient) => patient.patient.bsn)).toEqual(population.slice(0, 300).map((patient) => patient.patient.bsn));
  });

  it('spans all ages from 0 to 100 with a realistic pyramid', () => {
    const ages = population.map(ageOf);
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(98);
    expect(Math.max(...ages)).toBeLessThanOrEqual(100);
    expect(share(ages.filter((age) => age < 18).length, ages.length)).toBeGreaterThan(0.15);
    expect(share(ages.filter((age) => age >= 80).length, ages.length)).toBeLessThan(0.08);
    expect(population.every((patient) => patient.patient.birth_date <= REFERENCE)).toBe(true);
  });

  it('has a tussenvoegsel for about a quarter of the family names', () => {
    const withPrefix = population.filter((patient) => patient.patient.family_name_prefix !== null).length;
    expect(share(withPrefix, population.length)).toBeGreaterThan(0.18);
    expect(share(withPrefix, population.length)).toBeLessThan(0.28);
    const prefixes = new Set(population.map((patient) => patient.patient.family_name_prefix));
    for (const prefix of ['de', 'van', 'van der', 'van den', 'van de', 'ter', 'te', 'den', "in 't"])
      expect(prefixes).toContain(prefix);
  });

  it('writes names, initials, addresses and contact details in Dutch formats', () => {
    const wrong = population
      .map(({ patient }) => patient)
      .filter(
        (patient) =>
          !/^[1-9][0-9]{3} [A-Z]{2}$/.test(patient.postcode) ||
          / (SA|SD|SS)$/.test(patient.postcode) ||
          !isValidBsn(patient.bsn) ||
          patient.roepnaam.length === 0 ||
          !/^(\p{Lu}\p{Ll}{0,2}\.)+$/u.test(patient.initials) ||
          (patient.phone !== null && !/^0\d{1,3}-\d{6,8}$/.test(patient.phone)) ||
          (patient.email !== null && !/^[a-z0-9.]+@example\.(com|net|org)$/.test(patient.email)),
      );
    expect(wrong).toEqual([]);
    expect(new Set(population.map((patient) => patient.patient.bsn)).size).toBe(population.length);
  });

  it('leaves the family names of the fixed demo patients to them, so a name search finds exactly them', () => {
    const fixed = new Set(demoPatients.map((patient) => patient.familyName));
    expect(population.filter((patient) => fixed.has(patient.patient.family_name))).toEqual([]);
  });

  it('enrols everyone at a GP practice, with history kept', () => {
    for (const patient of population) {
      const current = patient.enrolments.at(-1);
      expect(current?.validTo).toBeNull();
      expect(PRACTICES).toContain(current?.practice);
      expect(current && current.validFrom >= patient.patient.birth_date && current.validFrom <= REFERENCE).toBe(true);
      for (const previous of patient.enrolments.slice(0, -1)) expect(previous.validTo).toBe(current?.validFrom);
    }
    expect(population.filter((patient) => patient.enrolments.length > 1).length).toBeGreaterThan(100);
    expect(share(population.filter((patient) => patient.pharmacy).length, population.length)).toBeGreaterThan(0.8);
  });

  it('has chronic programmes at age-realistic prevalence', () => {
    const adults = population.filter((patient) => ageOf(patient) >= 18);
    const over40 = population.filter((patient) => ageOf(patient) >= 40);
    const has = (patient: SyntheticPatient, programme: string) => patient.trajectories.some((t) => t.programme === programme);
    expect(share(adults.filter((patient) => has(patient, 'DM2')).length, adults.length)).toBeGreaterThan(0.05);
    expect(share(adults.filter((patient) => has(patient, 'DM2')).length, adults.length)).toBeLessThan(0.11);
    expect(share(over40.filter((patient) => has(patient, 'CVRM')).length, over40.length)).toBeGreaterThan(0.09);
    expect(share(over40.filter((patient) => has(patient, 'CVRM')).length, over40.length)).toBeLessThan(0.18);
    expect(share(over40.filter((patient) => has(patient, 'COPD')).length, over40.length)).toBeGreaterThan(0.02);
    expect(share(over40.filter((patient) => has(patient, 'COPD')).length, over40.length)).toBeLessThan(0.07);
    expect(population.filter((patient) => ageOf(patient) < 25 && has(patient, 'DM2'))).toEqual([]);
  });

  it('gives every chronic patient three years of controls ending near the reference date', () => {
    const threeYearsAgo = fromDay(addYears(referenceDay, -3));
    const chronic = population.filter((patient) => patient.trajectories.length > 0);
    expect(chronic.length).toBeGreaterThan(300);
    for (const patient of chronic) {
      const times = patient.measurements.map((measurement) => measurement.measuredAt).sort();
      const codes = new Set(patient.measurements.map((measurement) => measurement.code));
      const first = times[0] ?? '';
      const last = times.at(-1) ?? '';
      expect(first.slice(0, 10) <= threeYearsAgo, `${patient.index} starts ${first}`).toBe(true);
      expect(last.slice(0, 10) >= fromDay(referenceDay - 90), `${patient.index} ends ${last}`).toBe(true);
      expect(last.slice(0, 10) <= REFERENCE).toBe(true);
      const current = patient.enrolments.at(-1);
      for (const trajectory of patient.trajectories) {
        expect(trajectory.practice).toBe(current?.practice);
        expect(trajectory.startedOn <= first.slice(0, 10)).toBe(true);
        expect(current && current.validFrom <= trajectory.startedOn).toBe(true);
        if (trajectory.programme === 'DM2')
          for (const code of ['hba1c', 'glucose-fasting', 'egfr', 'ldl']) expect(codes).toContain(code);
        if (trajectory.programme === 'CVRM')
          for (const code of ['bp-systolic', 'bp-diastolic', 'ldl', 'cholesterol-total']) expect(codes).toContain(code);
        if (trajectory.programme === 'COPD') for (const code of ['fev1-predicted', 'mrc-dyspnea']) expect(codes).toContain(code);
      }
      expect(patient.measurements.filter((m) => m.code === 'weight').length).toBeGreaterThanOrEqual(6);
    }
  });

  it('stores values in the unit and precision of their code', () => {
    const wrong = population.flatMap((patient) =>
      patient.measurements.filter((measurement) => {
        const definition = findMeasurementCode(measurement.code);
        return (
          definition?.unit !== measurement.unit ||
          measurement.value !== Number(measurement.value).toFixed(definition.decimals) ||
          !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$/.test(measurement.measuredAt)
        );
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps one patient on one course: HbA1c moves gradually between controls', () => {
    const dm2 = population.filter((patient) => patient.trajectories.some((t) => t.programme === 'DM2'));
    for (const patient of dm2) {
      const hba1c = patient.measurements.filter((m) => m.code === 'hba1c').map((m) => Number(m.value));
      const jumps = hba1c.slice(1).map((value, index) => Math.abs(value - (hba1c[index] ?? value)));
      expect(Math.max(...jumps)).toBeLessThan(25);
    }
  });
});
