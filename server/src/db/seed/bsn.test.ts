import { describe, expect, it } from 'vitest';
import { isValidBsn, SYNTHETIC_BSN_CAPACITY, syntheticBsn } from './bsn.js';
import { demoPatients } from './demo-persons.js';

describe('isValidBsn (11-proef)', () => {
  it.each(['111222333', '123456782', '999990019', '999990032', '999990044', '999990056'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['123456789', 'fails the 11-proef'],
    ['999990018', 'wrong check digit'],
    ['000000000', 'all zeros'],
    ['12345678', 'eight digits'],
    ['1234567820', 'ten digits'],
    ['12345678a', 'not only digits'],
    [' 11122233', 'a space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });

  it('accepts the BSNs of the fixed demo patients', () => {
    for (const patient of demoPatients) if (patient.bsn) expect(isValidBsn(patient.bsn)).toBe(true);
  });
});

describe('syntheticBsn', () => {
  it('gives 20,000 valid, unique BSNs outside the 9999 test range', () => {
    const all = Array.from({ length: 20_000 }, (_, index) => syntheticBsn(index));
    expect(all.filter((bsn) => !isValidBsn(bsn))).toEqual([]);
    expect(all.filter((bsn) => bsn.startsWith('9999'))).toEqual([]);
    expect(new Set(all).size).toBe(20_000);
  });

  it('is a fixed function of the index', () => {
    expect(syntheticBsn(0)).toBe(syntheticBsn(0));
    expect(syntheticBsn(123_456)).toBe(syntheticBsn(123_456));
    expect(syntheticBsn(1)).not.toBe(syntheticBsn(2));
  });

  it('spreads neighbouring indexes over the number range', () => {
    const firstDigits = new Set(Array.from({ length: 50 }, (_, index) => syntheticBsn(index).charAt(0)));
    expect(firstDigits.size).toBeGreaterThan(4);
  });

  it('works up to its capacity and refuses indexes outside it', () => {
    expect(isValidBsn(syntheticBsn(SYNTHETIC_BSN_CAPACITY - 1))).toBe(true);
    expect(() => syntheticBsn(-1)).toThrow(RangeError);
    expect(() => syntheticBsn(SYNTHETIC_BSN_CAPACITY)).toThrow(RangeError);
    expect(() => syntheticBsn(1.5)).toThrow(RangeError);
  });
});
