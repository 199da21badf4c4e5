import { describe, expect, it } from 'vitest';
import { requestLanguage } from './language.js';

describe('request language', () => {
  it.each([
    [undefined, 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.8,nl;q=0.9', 'nl'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'nl'],
    ['en;q=0, nl', 'nl'],
  ])('Accept-Language %s → %s', (header, expected) => {
    expect(requestLanguage({ headers: header ? { 'accept-language': header } : {} })).toBe(expected);
  });
});
