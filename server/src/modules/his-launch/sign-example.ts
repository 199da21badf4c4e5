import { HIS_DEMO } from './demo.js';
import { canonicalString, percentEncode, signParameters } from './signature.js';

// Prints a signed launch for the demo practice Zonnehof (docs/his-launch.md "Worked example"):
//   npx tsx server/src/modules/his-launch/sign-example.ts [unix-seconds] [base-url]
// Without a time it signs "now", so the printed address works against a demo server for 5 minutes.

export const EXAMPLE_PARAMETERS = {
  organisatienummer: String(HIS_DEMO.organisatienummer),
  praktijknummer: String(HIS_DEMO.praktijknummers.HAPZ),
  gebruikersnummer: '11',
  bsn: '999990019',
  geboortedatum: '12-03-1961',
  voorletters: 'A.',
  roepnaam: 'Anna',
  tussenvoegsel: 'de',
  achternaam: 'Jong',
  geslacht: 'V',
  postcode: '5611 AB',
} as const;

export function signedExample(ts: number, baseUrl: string) {
  const parameters: Record<string, string> = { ...EXAMPLE_PARAMETERS, ts: String(ts) };
  const canonical = canonicalString(parameters);
  const sig = signParameters(parameters, HIS_DEMO.signingSecretHapz);
  return { canonical, sig, url: `${baseUrl}/his/launch/signed?${canonical}&sig=${percentEncode(sig)}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ts = process.argv[2] ? Number(process.argv[2]) : Math.floor(Date.now() / 1000);
  const example = signedExample(ts, process.argv[3] ?? 'http://localhost:3000');
  process.stdout.write(`canonical: ${example.canonical}\nsig:       ${example.sig}\nurl:       ${example.url}\n`);
}
