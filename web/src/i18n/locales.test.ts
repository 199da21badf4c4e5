import { describe, expect, it } from 'vitest';
import { defaultLanguage, type Face, languagesFor, locales } from './index';

const faces: readonly Face[] = ['werkplek', 'mijn', 'verwijzer'];
const faceSections: readonly string[] = faces;

/** Every leaf of a translation tree as `path → value`. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  if (typeof tree !== 'object' || tree === null) return new Map([[prefix, tree]]);
  return new Map(Object.entries(tree).flatMap(([key, child]) => [...leaves(child, prefix ? `${prefix}.${key}` : key)]));
}

describe('locales', () => {
  const dutch = leaves(locales.find((locale) => locale.code === defaultLanguage)?.translation);

  it('finds every locale file, Dutch first', () => {
    expect(locales.map((locale) => locale.code)).toEqual(expect.arrayContaining(['nl', 'en']));
    expect(locales[0]?.code).toBe('nl');
  });

  it.each(locales.map((locale) => [locale.code, locale] as const))(
    '%s translates every Dutch key of the faces it offers, and nothing else',
    (code, locale) => {
      const own = leaves(locale.translation);
      // Shared sections always; a face's section only when the language is offered there.
      const required = [...dutch.keys()].filter((path) => {
        const section = path.split('.')[0] ?? '';
        return !faceSections.includes(section) || locale.faces.some((face) => face === section);
      });

      expect(
        required.filter((path) => !own.has(path)),
        `${code}: missing keys`,
      ).toEqual([]);
      expect(
        [...own.keys()].filter((path) => !dutch.has(path)),
        `${code}: keys Dutch does not have`,
      ).toEqual([]);
      for (const [path, value] of own) {
        expect(typeof value === 'string' && value.trim() !== '', `${code}: ${path} is empty`).toBe(true);
      }
    },
  );

  it('offers Dutch and English in every face', () => {
    for (const face of faces) {
      expect(languagesFor(face).map((locale) => locale.code)).toEqual(expect.arrayContaining(['nl', 'en']));
    }
  });
});
