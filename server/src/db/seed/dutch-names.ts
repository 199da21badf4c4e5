import type { Random } from './random.js';

// Names as the Dutch population has them: given names by generation (official names of older people
// are baptismal names with a different roepnaam, common in Catholic Brabant), family names with and
// without tussenvoegsel, and names of Moroccan, Turkish, Surinamese, Polish and other European origin.
// All combinations are invented. The fixed demo patients' family names (de Jong, Bakker, El Amrani,
// Schmidt) are deliberately left out, so a name search for them finds exactly the fixed patients.

export type NameGender = 'male' | 'female';
export type Origin = 'dutch' | 'moroccan' | 'turkish' | 'surinamese' | 'polish' | 'european';

export interface GeneratedName {
  givenNames: string;
  roepnaam: string;
  initials: string;
  prefix: string | null;
  familyName: string;
}

/** Baptismal names with the roepnamen people use. */
const formalMale: readonly (readonly [string, readonly string[]])[] = [
  ['Johannes', ['Jan', 'Hans', 'Joop', 'Johan']],
  ['Cornelis', ['Kees', 'Cor']],
  ['Hendrikus', ['Henk', 'Harrie']],
  ['Wilhelmus', ['Wim', 'Willem']],
  ['Petrus', ['Piet', 'Peter']],
  ['Gerardus', ['Gerard', 'Gert']],
  ['Adrianus', ['Adrie', 'Ad']],
  ['Antonius', ['Toon', 'Ton', 'Anton']],
  ['Franciscus', ['Frans', 'Frank']],
  ['Jacobus', ['Jaap', 'Koos', 'Jacques']],
  ['Theodorus', ['Theo', 'Dorus']],
  ['Martinus', ['Martin', 'Tinus']],
  ['Lambertus', ['Bert']],
  ['Josephus', ['Jos', 'Sjef']],
  ['Godefridus', ['Frits', 'Fried']],
  ['Marinus', ['Rinus', 'Rien']],
  ['Nicolaas', ['Klaas', 'Niek']],
];
const formalFemale: readonly (readonly [string, readonly string[]])[] = [
  ['Johanna', ['Jo', 'Annie', 'Hanneke']],
  ['Maria', ['Mies', 'Marja', 'Ria', 'Marieke']],
  ['Cornelia', ['Corrie', 'Nel', 'Cor']],
  ['Wilhelmina', ['Mien', 'Willy', 'Wilma']],
  ['Elisabeth', ['Els', 'Lies', 'Bep']],
  ['Catharina', ['Toos', 'Ina', 'Trees']],
  ['Petronella', ['Nel', 'Pieternel']],
  ['Adriana', ['Jaan', 'Adrie']],
  ['Geertruida', ['Truus', 'Gerda']],
  ['Hendrika', ['Riek', 'Henny']],
  ['Antonia', ['Toni', 'Toos']],
  ['Anna', ['Anneke', 'Annie', 'Anna']],
  ['Josephina', ['Fien', 'Josje']],
  ['Helena', ['Leny', 'Lenie']],
];

// biome-ignore format: name lists read best as one line per generation
const dutchGiven: Record<'1950' | '1970' | '1990' | '2005', Record<NameGender, readonly string[]>> = {
  '1950': {
    male: ['Peter', 'Hans', 'Jan', 'Henk', 'Kees', 'Gerard', 'Wim', 'Ton', 'Frans', 'Rob', 'Paul', 'René', 'Marcel', 'Ad', 'Harry', 'Jos'],
    female: ['Marianne', 'Ingrid', 'Monique', 'Anja', 'Ria', 'Marja', 'Annemarie', 'Yvonne', 'Carla', 'Jolanda', 'Gerda', 'Ellen', 'Hennie'],
  },
  '1970': {
    male: ['Mark', 'Marco', 'Martijn', 'Erik', 'Jeroen', 'Dennis', 'Patrick', 'Michel', 'Sander', 'Bas', 'Richard', 'Niels', 'Stefan', 'Ruud', 'Vincent', 'Bart', 'Tom', 'Joost'],
    female: ['Sandra', 'Linda', 'Monique', 'Marieke', 'Kim', 'Esther', 'Ilse', 'Chantal', 'Mirjam', 'Petra', 'Suzanne', 'Wendy', 'Manon', 'Saskia', 'Daniëlle', 'Ellen'],
  },
  '1990': {
    male: ['Tim', 'Thomas', 'Kevin', 'Rick', 'Stijn', 'Niels', 'Jesse', 'Daan', 'Bram', 'Koen', 'Luuk', 'Joep', 'Max', 'Lars', 'Ruben', 'Jelle', 'Sven', 'Wouter'],
    female: ['Lisa', 'Anne', 'Sanne', 'Lotte', 'Eva', 'Iris', 'Laura', 'Kim', 'Fleur', 'Femke', 'Maud', 'Romy', 'Britt', 'Anouk', 'Demi', 'Noël', 'Sophie'],
  },
  '2005': {
    male: ['Noah', 'Sem', 'Liam', 'Lucas', 'Daan', 'Levi', 'Finn', 'Luca', 'Mees', 'James', 'Milan', 'Jesse', 'Bram', 'Sam', 'Thijs', 'Teun', 'Gijs', 'Siem', 'Hugo', 'Olivier'],
    female: ['Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Yara', 'Eva', 'Liv', 'Lotte', 'Evi', 'Noor', 'Saar', 'Lieke', 'Fenna', 'Fleur'],
  },
};

/** Family names without a tussenvoegsel; southern names (Brabant) well represented. */
// biome-ignore format: a name list
const dutchFamily = [
  'Jansen', 'Janssen', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker',
  'Dijkstra', 'Smits', 'Vermeulen', 'Kok', 'Jacobs', 'Schouten', 'Willems', 'Hoekstra', 'Koster', 'Verhoeven', 'Prins',
  'Maas', 'Kuipers', 'Brouwer', 'Huisman', 'Peeters', 'Willemsen', 'Claassen', 'Hermans', 'Wouters', 'Swinkels',
  'Donkers', 'Aarts', 'Sanders', 'Verhagen', 'Scheepers', 'Wijnen', 'Vermeer', 'Martens', 'Coolen', 'Biemans',
  'Raaijmakers', 'Heesterbeek', 'Timmermans', 'Verbeek', 'Gerritsen', 'Koolen', 'Schellekens', 'Hoogendoorn',
  'Postma', 'Evers', 'Geerts', 'Cuijpers', 'Leenders', 'Pijnenburg', 'Rovers', 'Verstappen', 'Bogaers',
] as const;

/** [tussenvoegsel, family name] */
// biome-ignore format: a name list
const dutchPrefixed: readonly (readonly [string, string])[] = [
  ['de', 'Vries'], ['de', 'Boer'], ['de', 'Groot'], ['de', 'Wit'], ['de', 'Graaf'], ['de', 'Bruijn'], ['de', 'Haan'],
  ['de', 'Koning'], ['de', 'Lange'], ['de', 'Kort'], ['van', 'Dijk'], ['van', 'Leeuwen'], ['van', 'Beek'], ['van', 'Vliet'],
  ['van', 'Wijk'], ['van', 'Dam'], ['van', 'Loon'], ['van', 'Gils'], ['van', 'Asten'], ['van', 'Dongen'], ['van', 'Kemenade'],
  ['van der', 'Meer'], ['van der', 'Linden'], ['van der', 'Heijden'], ['van der', 'Veen'], ['van der', 'Wal'], ['van der', 'Zanden'],
  ['van den', 'Berg'], ['van den', 'Broek'], ['van den', 'Heuvel'], ['van den', 'Bosch'], ['van den', 'Eijnden'],
  ['van de', 'Ven'], ['van de', 'Wiel'], ['van de', 'Laar'], ['van de', 'Sande'], ['van de', 'Kerkhof'],
  ['ter', 'Horst'], ['ter', 'Haar'], ['te', 'Riele'], ['te', 'Velde'], ['den', 'Hartog'], ['den', 'Ouden'],
  ["in 't", 'Veld'], ["in 't", 'Zand'], ["van 't", 'Hof'], ["van 't", 'Schip'], ['ten', 'Brink'], ['op de', 'Kamp'],
];

interface OriginNames {
  male: readonly string[];
  female: readonly string[];
  /** [male form, female form] where the family name differs by sex (Polish -ski/-ska). */
  family: readonly (string | readonly [string, string])[];
}

// biome-ignore format: name lists read best as one line per group
const otherOrigins: Record<Exclude<Origin, 'dutch'>, OriginNames> = {
  moroccan: {
    male: ['Mohamed', 'Youssef', 'Ayoub', 'Adam', 'Bilal', 'Hamza', 'Said', 'Mustapha', 'Rachid', 'Ilias', 'Anouar'],
    female: ['Fatima', 'Khadija', 'Nora', 'Samira', 'Malika', 'Yasmina', 'Soumaya', 'Salma', 'Imane', 'Amira', 'Hafsa'],
    family: ['Bouzid', 'El Idrissi', 'Benali', 'Aziz', 'Ouali', 'El Khattabi', 'Boukhari', 'Tahiri', 'Chaouch', 'El Bakkali', 'Haddouchi', 'Azzouzi'],
  },
  turkish: {
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Burak', 'Yusuf', 'Hasan', 'Ömer', 'Kerem', 'Mert'],
    female: ['Ayşe', 'Elif', 'Zeynep', 'Fatma', 'Emine', 'Esra', 'Merve', 'Büşra', 'Hatice', 'Selin'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç', 'Kılıç', 'Yıldız'],
  },
  surinamese: {
    male: ['Ravi', 'Anil', 'Sunil', 'Rajesh', 'Glenn', 'Marlon', 'Romano', 'Dewanand', 'Errol'],
    female: ['Priya', 'Shanti', 'Sharda', 'Reshma', 'Shirley', 'Jennifer', 'Gracia', 'Anjali', 'Ingrid'],
    family: ['Ramdin', 'Jagesar', 'Sewdien', 'Ramsaran', 'Mahabier', 'Pinas', 'Doelwijt', 'Linger', 'Kromodimedjo', 'Soekhoe', 'Baldewsingh'],
  },
  polish: {
    male: ['Piotr', 'Tomasz', 'Paweł', 'Krzysztof', 'Marcin', 'Michał', 'Jakub', 'Łukasz'],
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna', 'Monika', 'Aleksandra', 'Małgorzata', 'Natalia'],
    family: [
      'Nowak', 'Wójcik', 'Kowalczyk', 'Woźniak', 'Mazur', ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'],
      ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'], ['Dąbrowski', 'Dąbrowska'],
    ],
  },
  european: {
    male: ['Jonas', 'Felix', 'Stefan', 'Matthias', 'Luca', 'Marco', 'Pieter-Jan', 'Wout'],
    female: ['Katrin', 'Sabine', 'Julia', 'Giulia', 'Lien', 'Elke', 'Annelies'],
    family: ['Müller', 'Schneider', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Janssens', 'Maes', 'Claes', 'Rossi', 'Ferrari', 'Vandenberghe'],
  },
};

/** Origin mix of the demo region; older generations are mostly of Dutch origin. */
export function pickOrigin(random: Random, birthYear: number): Origin {
  if (birthYear < 1945) return random.chance(0.96) ? 'dutch' : random.pick(['surinamese', 'european'] as const);
  return random.weighted<Origin>([
    ['dutch', 0.83],
    ['moroccan', 0.04],
    ['turkish', 0.04],
    ['surinamese', 0.03],
    ['polish', birthYear >= 1965 ? 0.03 : 0.005],
    ['european', 0.03],
  ]);
}

/** Share of Dutch-origin family names with a tussenvoegsel (de, van, van der…), as in the population. */
const PREFIX_SHARE = 0.28;

export function generateName(random: Random, gender: NameGender, birthYear: number, origin: Origin): GeneratedName {
  let givenNames: string[];
  let roepnaam: string;
  let prefix: string | null = null;
  let familyName: string;
  if (origin === 'dutch') {
    const formal = gender === 'male' ? formalMale : formalFemale;
    const useFormal = birthYear < 1950 || (birthYear < 1970 && random.chance(0.45));
    if (useFormal) {
      const [first, nicknames] = random.pick(formal);
      givenNames = [first, ...middleNames(random, formal, birthYear < 1950 ? 2 : 1, first)];
      if (gender === 'male' && random.chance(0.15)) givenNames.splice(1, 0, 'Maria'); // "Johannes Maria", Catholic custom
      roepnaam = random.chance(0.75) ? random.pick(nicknames) : first;
    } else {
      const era = birthYear < 1970 ? '1950' : birthYear < 1990 ? '1970' : birthYear < 2005 ? '1990' : '2005';
      const first = random.pick(dutchGiven[era][gender]);
      givenNames = [first, ...middleNames(random, formal, random.chance(0.6) ? 1 : random.chance(0.3) ? 2 : 0, first)];
      roepnaam = first;
    }
    if (random.chance(PREFIX_SHARE)) {
      [prefix, familyName] = random.pick(dutchPrefixed);
    } else {
      familyName = random.pick(dutchFamily);
    }
  } else {
    const names = otherOrigins[origin];
    const first = random.pick(names[gender]);
    givenNames = [first];
    if (origin === 'turkish' && random.chance(0.3)) givenNames.push(random.pick(names[gender]));
    if ((origin === 'surinamese' || origin === 'european') && random.chance(0.4)) givenNames.push(random.pick(names[gender]));
    givenNames = [...new Set(givenNames)];
    roepnaam = first;
    const family = random.pick(names.family);
    familyName = typeof family === 'string' ? family : gender === 'male' ? family[0] : family[1];
  }
  return { givenNames: givenNames.join(' '), roepnaam, initials: initialsOf(givenNames), prefix, familyName };
}

function middleNames(random: Random, formal: typeof formalMale, count: number, first: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const [name] = random.pick(formal);
    if (name !== first && !names.includes(name)) names.push(name);
  }
  return names;
}

/** "Johannes Cornelis Maria" → "J.C.M."; "Theodorus" → "Th." as Dutch registers write it. */
export function initialsOf(givenNames: readonly string[]): string {
  return givenNames
    .flatMap((name) => name.split('-'))
    .map((name) => (/^(Th|Ph|Chr)/.test(name) ? (/^Chr/.test(name) ? 'Chr' : name.slice(0, 2)) : name.charAt(0)))
    .map((initial) => `${initial}.`)
    .join('');
}

/** Folds a name to plain ASCII for an e-mail address: "Öztürk" → "ozturk", "in 't Veld" → "intveld". */
export function asciiFold(text: string): string {
  return text
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
