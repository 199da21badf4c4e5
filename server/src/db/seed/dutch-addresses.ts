import type { Random } from './random.js';

// The demo care region: Eindhoven and the towns around it (Zuidoost-Brabant). Town names and their
// postcode number ranges are real; streets, house numbers, postcode letters and phone numbers are
// invented, so no address belongs to anyone.

export interface Town {
  name: string;
  /** Share of the region's inhabitants. */
  weight: number;
  /** Postcode number range (PC4), inclusive. */
  postcodeFrom: number;
  postcodeTo: number;
  /** Landline area code. */
  areaCode: string;
  /** Abbreviation of the GP practice most inhabitants of this town are enrolled at. */
  nearestPractice: string;
}

export const towns: readonly Town[] = [
  { name: 'Eindhoven', weight: 0.44, postcodeFrom: 5611, postcodeTo: 5658, areaCode: '040', nearestPractice: 'HAPZ' },
  { name: 'Veldhoven', weight: 0.13, postcodeFrom: 5501, postcodeTo: 5509, areaCode: '040', nearestPractice: 'HAPB' },
  { name: 'Waalre', weight: 0.04, postcodeFrom: 5581, postcodeTo: 5583, areaCode: '040', nearestPractice: 'HAPB' },
  { name: 'Best', weight: 0.1, postcodeFrom: 5681, postcodeTo: 5684, areaCode: '0499', nearestPractice: 'HAPA' },
  { name: 'Oirschot', weight: 0.05, postcodeFrom: 5688, postcodeTo: 5688, areaCode: '0499', nearestPractice: 'HAPA' },
  { name: 'Son en Breugel', weight: 0.05, postcodeFrom: 5691, postcodeTo: 5694, areaCode: '0499', nearestPractice: 'HAPA' },
  { name: 'Nuenen', weight: 0.08, postcodeFrom: 5671, postcodeTo: 5674, areaCode: '040', nearestPractice: 'HAPL' },
  { name: 'Geldrop', weight: 0.11, postcodeFrom: 5661, postcodeTo: 5665, areaCode: '040', nearestPractice: 'HAPL' },
];

// biome-ignore format: a name list
const streets = [
  'Kerkstraat', 'Dorpsstraat', 'Molenstraat', 'Schoolstraat', 'Stationsweg', 'Julianastraat', 'Beatrixlaan', 'Wilhelminaplein',
  'Nieuwstraat', 'Hoofdstraat', 'Markt', 'Lindelaan', 'Eikenlaan', 'Beukenlaan', 'Kastanjelaan', 'Berkenlaan', 'Populierenweg',
  'Wilgenstraat', 'Esdoornlaan', 'Acacialaan', 'Rozenstraat', 'Tulpstraat', 'Narcisstraat', 'Lelieweg', 'Kapelstraat',
  'Sint Antoniusstraat', 'Sint Jorisstraat', 'Heuvel', 'Dommeldal', 'Kempenlaan', 'Akkerweg', 'Veldweg', 'Heideweg',
  'Bosrand', 'Vlasakker', 'Kloosterstraat', 'Pastoor van Arsstraat', 'Burgemeester van Hooflaan', 'Van Goghlaan',
  'Rembrandtlaan', 'Vondellaan', 'Bilderdijklaan', 'Merelstraat', 'Lijsterlaan', 'Kievitstraat', 'Zwaluwstraat',
  'Reigerlaan', 'Spechtstraat', 'Irenestraat', 'Margrietstraat', 'Prins Hendrikstraat', 'Oranjestraat', 'Emmalaan',
  'Schutterij', 'Looiersstraat', 'Smidsstraat', 'Bakkerstraat', 'Weverstraat', 'Brouwerslaan', 'Gildestraat',
  'Dommelstraat', 'Beekstraat', 'Broekweg', 'Meerweg', 'Hofstraat', 'Koestraat', 'Paardenweide', 'Boschweg',
] as const;

// PostNL does not use the letter pairs SA, SD and SS, nor letters that read like digits.
const POSTCODE_LETTERS = [...'ABCDEGHJKLMNPRSTVWXZ'];
const FORBIDDEN_PAIRS = new Set(['SA', 'SD', 'SS']);

export interface GeneratedAddress {
  street: string;
  houseNumber: string;
  houseNumberSuffix: string | null;
  postcode: string;
  city: string;
  town: Town;
}

export function pickTown(random: Random): Town {
  return random.weighted(towns.map((town) => [town, town.weight] as const));
}

export function generateAddress(random: Random, town: Town = pickTown(random)): GeneratedAddress {
  const number = random.chance(0.7) ? random.int(1, 80) : random.int(81, 260);
  const suffix = random.chance(0.06) ? random.pick(['A', 'B', 'C', 'bis', '1', '2'] as const) : null;
  return {
    street: random.pick(streets),
    houseNumber: String(number),
    houseNumberSuffix: suffix,
    postcode: generatePostcode(random, town),
    city: town.name,
    town,
  };
}

/** 'dddd LL' within the town's range, never 'SA', 'SD' or 'SS'. */
export function generatePostcode(random: Random, town: Town): string {
  const digits = random.int(town.postcodeFrom, town.postcodeTo);
  let letters: string;
  do {
    letters = random.pick(POSTCODE_LETTERS) + random.pick(POSTCODE_LETTERS);
  } while (FORBIDDEN_PAIRS.has(letters));
  return `${digits} ${letters}`;
}

/** Mobile '06-12345678' or a landline with the town's area code, '040-2123456'. */
export function generatePhone(random: Random, town: Town, mobile: boolean): string {
  if (mobile) return `06-${random.int(1, 5)}${digitsOf(random, 7)}`;
  const localLength = 10 - town.areaCode.length;
  return `${town.areaCode}-${random.int(2, 8)}${digitsOf(random, localLength - 1)}`;
}

function digitsOf(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(0, 9));
  return text;
}
