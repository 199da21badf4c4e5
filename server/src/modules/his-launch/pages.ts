// The HTML pages of the HIS launch. The HIS opens these addresses in a browser window, so problems are explained
// on a page (Dutch first, with an English summary), not as problem+json. Pages never repeat what the HIS sent
// except validated numbers, and never the practice password.

export interface HisPage {
  status: number;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1a1b1e;line-height:1.5}
main{max-width:44rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin-top:0}h2{font-size:1.05rem;margin-bottom:.25rem}
code{background:#eef1f4;padding:0 .25rem;border-radius:3px;word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0}td,th{text-align:left;padding:.25rem .75rem .25rem 0;vertical-align:top}
.en{border-top:1px solid #dde1e5;margin-top:1.5rem;padding-top:.5rem;color:#495057;font-size:.95rem}
.ref{color:#868e96;font-size:.85rem}`;

function page(status: number, title: string, bodyNl: string, summaryEn: string, requestId?: string): HisPage {
  const reference = requestId ? `<p class="ref">Kenmerk / reference: ${escapeHtml(requestId)}</p>` : '';
  return {
    status,
    html: `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Keten</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyNl}
<section class="en" lang="en">
<h2>In English</h2>
${summaryEn}
</section>
${reference}
</main>
</body>
</html>
`,
  };
}

const HELP_NL = '<p>Neem bij vragen contact op met de praktijkbeheerder van uw praktijk of met de helpdesk van Keten.</p>';

/** Wrong practice credentials, unknown user number, or a deactivated account: one page, no detail (no probing). */
export function launchFailedPage(requestId: string): HisPage {
  return page(
    403,
    'Openen vanuit het HIS is niet gelukt',
    `<p>Keten kon de koppeling met uw HIS niet controleren. Een of meer gegevens van de koppeling kloppen niet.</p>
<p>Controleer in uw HIS de instellingen van de koppeling met Keten: <strong>URL</strong>, <strong>Organisatienummer</strong>,
<strong>Praktijknummer</strong>, <strong>praktijkwachtwoord</strong> en <strong>Gebruikersnummer</strong>
(uw persoonlijke gebruikersnummer voor deze praktijk — niet uw gebruikersnaam). Werkt u met een persoonlijke link
(MiraHIS), vraag dan de praktijkbeheerder om een nieuwe link.</p>
${HELP_NL}`,
    `<p>Keten could not verify the link from your GP system (HIS): some of its settings are not correct. Check the URL,
organisation number, practice number, practice password and your personal user number in the HIS, or ask your practice
administrator for a new personal link.</p>`,
    requestId,
  );
}

/** Seed 000: "alle koppelingen persoonsgebonden … dus niet onder een algemeen account zoals poh-somatiek of assistente". */
export function genericAccountPage(requestId: string): HisPage {
  return page(
    403,
    'HIS-koppelingen zijn persoonsgebonden',
    `<p>Deze koppeling gebruikt het gebruikersnummer van een <strong>algemeen account</strong> (zoals
“poh-somatiek” of “assistente”). Zo’n account is niet van één persoon en kan Keten daarom niet vanuit het HIS openen:
wie een dossier inziet, moet altijd herleidbaar zijn tot één persoon (NEN 7513).</p>
<p>Wat te doen:</p>
<ol>
<li>Log in het HIS in met uw <strong>persoonlijke</strong> HIS-account.</li>
<li>Vul in de koppeling met Keten bij <strong>Gebruikersnummer</strong> uw eigen gebruikersnummer in voor deze praktijk.
Dat staat in de e-mail die u van Keten ontving; het is níet uw gebruikersnaam. De andere gegevens blijven gelijk.</li>
<li>Gebruikt u MiraHIS, vraag de praktijkbeheerder dan om uw persoonlijke link.</li>
</ol>
${HELP_NL}`,
    `<p>This link uses the user number of a generic account (such as “poh-somatiek” or “assistente”). HIS links are
personal: use your own HIS account and your own Keten user number for this practice (not your username), or ask your
practice administrator for your personal MiraHIS link.</p>`,
    requestId,
  );
}

export function incompletePage(missing: readonly string[], requestId: string): HisPage {
  const list = missing.map((field) => `<li><code>${escapeHtml(field)}</code></li>`).join('');
  return page(
    400,
    'De koppeling is onvolledig',
    `<p>Dit adres opent Keten vanuit het HIS, met de gegevens van de praktijk, de gebruiker en de patiënt. Deze gegevens
ontbreken of zijn ongeldig:</p>
<ul>${list}</ul>
<p>Controleer de instellingen van de koppeling in uw HIS (velden Organisatienummer, Praktijknummer,
praktijkwachtwoord en Gebruikersnummer), of vraag de praktijkbeheerder om hulp.</p>
${HELP_NL}`,
    `<p>This address opens Keten from a GP system (HIS). The fields listed above are missing or invalid; check the link's
settings in the HIS.</p>`,
    requestId,
  );
}

export function invalidRequestPage(requestId: string): HisPage {
  return page(
    400,
    'De koppeling is ongeldig',
    `<p>Het adres waarmee het HIS Keten opende, bevat ongeldige of dubbele gegevens. Controleer de instellingen van de
koppeling in uw HIS, of vraag de praktijkbeheerder of de leverancier van uw HIS om hulp.</p>
${HELP_NL}`,
    '<p>The address the HIS opened contains invalid or repeated parameters. Check the link settings in the HIS.</p>',
    requestId,
  );
}

export function rateLimitedPage(minutes: number, requestId: string): HisPage {
  return page(
    429,
    'Te veel pogingen',
    `<p>Er zijn vanaf dit adres te veel pogingen gedaan om Keten vanuit het HIS te openen. Probeer het over ${minutes}
minuten opnieuw.</p>
${HELP_NL}`,
    `<p>Too many attempts from this address. Try again in ${minutes} minutes.</p>`,
    requestId,
  );
}

export function signedExpiredPage(requestId: string): HisPage {
  return page(
    403,
    'De ondertekende koppeling is verlopen',
    `<p>Een ondertekende koppeling is 5 minuten geldig. Deze koppeling is ouder, of de klok van de computer met het HIS
loopt niet gelijk. Klik in het HIS opnieuw op de knop om Keten te openen; blijft dit gebeuren, controleer dan de
tijdsinstelling van de computer.</p>
${HELP_NL}`,
    `<p>A signed launch is valid for 5 minutes. This one is older, or the clock of the HIS computer is off. Press the button
in the HIS again; if it keeps happening, check the computer's clock.</p>`,
    requestId,
  );
}

export function signedReplayPage(requestId: string): HisPage {
  return page(
    403,
    'Deze koppeling is al gebruikt',
    `<p>Een ondertekende koppeling werkt één keer. Klik in het HIS opnieuw op de knop om Keten te openen; het HIS maakt dan
een nieuwe koppeling.</p>
${HELP_NL}`,
    '<p>A signed launch works once. Press the button in the HIS again to open Keten with a new one.</p>',
    requestId,
  );
}

export function secretInSignedLaunchPage(requestId: string): HisPage {
  return page(
    400,
    'Geen wachtwoord in een ondertekende koppeling',
    `<p>Een ondertekende koppeling bevat geen praktijkwachtwoord en geen persoonlijke koppelcode: de handtekening
vervangt die. Verwijder deze gegevens uit de koppeling in uw HIS. Omdat het praktijkwachtwoord nu in een adres heeft
gestaan, raden wij de praktijkbeheerder aan het te wijzigen.</p>
${HELP_NL}`,
    `<p>A signed launch carries no practice password and no personal link token: the signature replaces them. Remove them
from the HIS configuration; the practice administrator should change the practice password.</p>`,
    requestId,
  );
}

export function unexpectedErrorPage(requestId: string): HisPage {
  return page(
    500,
    'Er ging iets mis',
    `<p>Keten kon de koppeling met het HIS nu niet verwerken. Probeer het opnieuw; noem bij de helpdesk het kenmerk
hieronder.</p>`,
    '<p>Keten could not handle the link from the HIS right now. Please try again; quote the reference below to the helpdesk.</p>',
    requestId,
  );
}

/** The launch address of the previous version: explain the one-time change (seed 000 §3–4). Never a redirect. */
export function oldAddressPage(input: {
  launchUrl: string;
  practice: { name: string; organisatienummer: number; praktijknummer: number } | null;
  requestId: string;
}): HisPage {
  const url = escapeHtml(input.launchUrl);
  const practice = input.practice;
  const practiceSection = practice
    ? `<p>Deze koppeling hoort bij <strong>${escapeHtml(practice.name)}</strong>. Vul in het TetraHIS-venster “Medix” in:</p>
<table>
<tr><th>URL</th><td><code>${url}</code> (nieuw)</td></tr>
<tr><th>Organisatienummer</th><td><code>${practice.organisatienummer}</code> (blijft gelijk)</td></tr>
<tr><th>Praktijknummer</th><td><code>${practice.praktijknummer}</code> (blijft gelijk)</td></tr>
<tr><th>praktijkwachtwoord</th><td>blijft gelijk</td></tr>
<tr><th>Gebruikersnummer</th><td>uw nieuwe, persoonlijke gebruikersnummer voor deze praktijk (nieuw)</td></tr>
</table>`
    : `<table>
<tr><th>URL</th><td><code>${url}</code> (nieuw)</td></tr>
<tr><th>Organisatienummer, Praktijknummer, praktijkwachtwoord</th><td>blijven gelijk</td></tr>
<tr><th>Gebruikersnummer</th><td>uw nieuwe, persoonlijke gebruikersnummer voor deze praktijk (nieuw)</td></tr>
</table>`;
  return page(
    410,
    'De koppeling met Keten heeft een nieuw adres',
    `<p>Uw HIS opent Keten nog via het adres van de vorige versie. Dat adres werkt niet meer. Pas de koppeling eenmalig
aan; daarna werkt de knop in het HIS weer.</p>
<h2>TetraHIS</h2>
<p>Typ in de commandobalk onder in het scherm het commando van de koppeling (bijvoorbeeld “Medix”) en klik op de knop die
verschijnt. Alleen de velden <strong>URL</strong> en <strong>Gebruikersnummer</strong> veranderen:</p>
${practiceSection}
<p>Het gebruikersnummer staat in de e-mail die u van Keten ontving. Let op: dit is niet uw gebruikersnaam. Klik daarna op
“Opslaan”.</p>
<h2>MiraHIS</h2>
<p>Verwijder onder “Praktijk” → “Startpagina” de oude koppeling (de link die begint met het oude adres) en voeg de
nieuwe, persoonlijke link toe die u van uw praktijkbeheerder ontvangt. De knop staat daarna bij een patiënt onder
“Externe links”.</p>
<p>Koppelingen zijn persoonsgebonden: stel ze in onder uw persoonlijke HIS-account, niet onder een algemeen account zoals
“poh-somatiek” of “assistente”.</p>
${HELP_NL}`,
    `<p>Your HIS still opens Keten at the previous version's address, which no longer works. Change it once: in TetraHIS set
the URL to <code>${url}</code> and the user number to your new personal user number (the organisation number, practice
number and practice password stay the same); in MiraHIS replace the old link with the personal link from your practice
administrator.</p>`,
    input.requestId,
  );
}
