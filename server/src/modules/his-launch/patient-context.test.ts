import { describe, expect, it } from 'vitest';
import {
  normalisePostcode,
  parseHisBirthDate,
  parseHisBsn,
  parseHisGender,
  parsePatientContext,
  splitHouseNumber,
} from './patient-context.js';
import { canonicalString, percentEncode, signatureMatches, signParameters, timestampFresh } from './signature.js';

describe('patient fields as HISes send them', () => {
  it.each([
    ['12-03-1961', '1961-03-12'],
    ['1-3-1961', '1961-03-01'],
    ['12/03/1961', '1961-03-12'],
    ['12.03.1961', '1961-03-12'],
    ['19610312', '1961-03-12'],
    ['1961-03-12', '1961-03-12'],
    ['31-02-1961', null],
    ['1961312', null],
    ['morgen', null],
    ['', null],
  ])('birth date %s → %s', (input, expected) => {
    expect(parseHisBirthDate(input)).toBe(expected);
  });

  it.each([
    ['999990019', '999990019'],
    ['9999.90.019', '999990019'],
    ['99999 0019', '999990019'],
    ['12345672', '012345672'],
    ['1234', null],
    [undefined, null],
  ])('BSN %s → %s', (input, expected) => {
    expect(parseHisBsn(input)).toBe(expected);
  });

  it.each([
    ['M', 'male'],
    ['v', 'female'],
    ['O', 'other'],
    ['?', 'unknown'],
    ['', null],
  ])('gender %s → %s', (input, expected) => {
    expect(parseHisGender(input)).toBe(expected);
  });

  it('splits house numbers and normalises Dutch postcodes', () => {
    expect(splitHouseNumber('12a', undefined)).toEqual({ houseNumber: '12', houseNumberSuffix: 'a' });
    expect(splitHouseNumber('12 bis', undefined)).toEqual({ houseNumber: '12', houseNumberSuffix: 'bis' });
    expect(splitHouseNumber('12-2', undefined)).toEqual({ houseNumber: '12', houseNumberSuffix: '2' });
    expect(splitHouseNumber('12', 'A')).toEqual({ houseNumber: '12', houseNumberSuffix: 'A' });
    expect(splitHouseNumber(undefined, undefined)).toEqual({ houseNumber: null, houseNumberSuffix: null });
    expect(normalisePostcode('5611ab')).toBe('5611 AB');
    expect(normalisePostcode('5611 AB')).toBe('5611 AB');
    expect(normalisePostcode('B-2000')).toBe('B-2000');
  });

  it('leaves out what it cannot understand and cuts long values to the form’s limits', () => {
    expect(parsePatientContext({ bsn: 'abc', geboortedatum: '00-00-0000', achternaam: `  ${'x'.repeat(200)} ` })).toEqual({
      bsn: null,
      birthDate: null,
      roepnaam: null,
      initials: null,
      familyNamePrefix: null,
      familyName: 'x'.repeat(120),
      gender: null,
      street: null,
      houseNumber: null,
      houseNumberSuffix: null,
      postcode: null,
      city: null,
    });
  });
});

describe('the signature of a signed launch', () => {
  const parameters = { praktijknummer: '201', bsn: '999990019', achternaam: "O'Brien-van Dijk", ts: '1795942800' };

  it('signs the sorted, RFC 3986-encoded parameters except sig', () => {
    expect(percentEncode("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~');
    expect(canonicalString({ ...parameters, sig: 'ignored' })).toBe(
      'achternaam=O%27Brien-van%20Dijk&bsn=999990019&praktijknummer=201&ts=1795942800',
    );
  });

  it('verifies only the same parameters with the same secret', () => {
    const sig = signParameters(parameters, 'secret');
    expect(signatureMatches(parameters, 'secret', sig)).toBe(true);
    expect(signatureMatches(parameters, 'secret', sig.toUpperCase())).toBe(true);
    expect(signatureMatches({ ...parameters, bsn: '999990032' }, 'secret', sig)).toBe(false);
    expect(signatureMatches(parameters, 'other secret', sig)).toBe(false);
    expect(signatureMatches(parameters, 'secret', 'not-hex')).toBe(false);
  });

  it('is fresh for 5 minutes, with a minute of clock skew', () => {
    const now = new Date('2026-11-29T09:00:00Z');
    expect(timestampFresh('1795942800', now)).toBe(true);
    expect(timestampFresh(String(1795942800 - 300), now)).toBe(true);
    expect(timestampFresh(String(1795942800 - 301), now)).toBe(false);
    expect(timestampFresh(String(1795942800 + 60), now)).toBe(true);
    expect(timestampFresh(String(1795942800 + 61), now)).toBe(false);
    expect(timestampFresh('soon', now)).toBe(false);
  });
});
