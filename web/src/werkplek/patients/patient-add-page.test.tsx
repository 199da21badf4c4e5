import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import { draftStorageKey } from './patient-add-form';
import type { InsuranceCheck, NewPatient } from './patients-api';

function insuranceAnswer(outcome: InsuranceCheck['outcome']): InsuranceCheck {
  return outcome === 'insured'
    ? {
        id: '41',
        checkedAt: '2025-03-05T10:00:00Z',
        outcome,
        insurerName: 'VGZ',
        uzoviCode: '7095',
        policyNumber: '7095000009',
      }
    : { id: '42', checkedAt: '2025-03-05T10:00:00Z', outcome, insurerName: null, uzoviCode: null, policyNumber: null };
}

/** The fake server: the BSN's 8th digit decides the insurance outcome, as the simulator does. */
function fakeServer(
  onAdd: (body: NewPatient) => ReturnType<typeof json> = () => json({ id: '120', displayId: 'P0000000120' }, 201),
) {
  return mockApi({
    'GET /api/werkplek/auth/session': json(
      sessionFixture({ account: { username: 'assistent.hapz', name: 'Lotte van den Berg' } }),
    ),
    'POST /api/werkplek/patients/insurance-check': ({ body }: MockRequest) => {
      const bsn = (body as { bsn: string }).bsn;
      return json(insuranceAnswer(bsn[7] === '7' ? 'not-insured' : bsn[7] === '8' ? 'unavailable' : 'insured'));
    },
    'POST /api/werkplek/patients': ({ body }: MockRequest) => onAdd(body as NewPatient),
    'GET /api/werkplek/patients/120': json({
      status: 'open',
      card: {
        id: '120',
        displayId: 'P0000000120',
        bsn: '100000009',
        insuranceCountry: 'NL',
        roepnaam: 'Emre',
        familyNamePrefix: null,
        familyName: 'Çelik',
        birthDate: '1979-08-14',
        gender: 'male',
        practice: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
        pharmacy: null,
        lastInsuranceCheck: null,
        accessReason: 'treatment-relationship',
      },
    }),
  });
}

function input(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input, select' }) as HTMLInputElement;
}

function type(label: string | RegExp, value: string) {
  fireEvent.change(input(label), { target: { value } });
}

async function openForm() {
  const result = renderRoute('/werkplek/patienten/nieuw');
  await screen.findByRole('heading', { level: 1, name: 'Patiënt toevoegen' });
  return result;
}

function next() {
  fireEvent.click(screen.getByRole('button', { name: 'Volgende stap' }));
}

async function fillInsuranceStep(bsn = '100000009', birthDate = '14-08-1979') {
  type(/^BSN/, bsn);
  type(/^Geboortedatum/, birthDate);
  next();
}

async function fillPersonStep() {
  await screen.findByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' });
  type(/^Roepnaam/, 'Emre');
  type(/^Achternaam/, 'Çelik');
  fireEvent.click(screen.getByRole('radio', { name: 'Man' }));
  next();
  await screen.findByRole('heading', { name: 'Stap 3 van 3: Adres en contact' });
}

// Walking through three steps of Mantine inputs in jsdom takes a few seconds on a shared two-core machine.
describe('Patiënt toevoegen', { timeout: 20_000 }, () => {
  it('step 1 checks the BSN with the 11-proef before asking the server', async () => {
    const api = fakeServer();
    await openForm();
    expect(screen.getByRole('heading', { name: 'Stap 1 van 3: Verzekering en identificatie' })).toBeTruthy();
    expect(input(/^Land van verzekering/).value).toBe('NL');
    expect(input(/^Nationaliteit/).value).toBe('NL');
    // Required fields carry the red asterisk.
    expect(within(input(/^BSN/).closest('.mantine-InputWrapper-root') as HTMLElement).getByText('*')).toBeTruthy();

    await fillInsuranceStep('123456789');

    expect(await screen.findByText('Dit is geen geldig BSN: de 11-proef klopt niet. Controleer de cijfers.')).toBeTruthy();
    expect(input(/^BSN/).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls('POST /api/werkplek/patients/insurance-check')).toHaveLength(0);
  });

  it('"Volgende stap" runs the insurance check and shows insurer, UZOVI, policy and date', async () => {
    const api = fakeServer();
    await openForm();

    await fillInsuranceStep('100000009', '14-8-1979');

    expect(await screen.findByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' })).toBeTruthy();
    expect(api.calls('POST /api/werkplek/patients/insurance-check')[0]?.body).toEqual({
      bsn: '100000009',
      birthDate: '1979-08-14',
    });
    expect(screen.getByText('Verzekerd bij VGZ (UZOVI 7095), polisnummer 7095000009. Gecontroleerd op 05-03-2025.')).toBeTruthy();
  });

  it('not insured: a warning, the data can be corrected, or the user continues on purpose', async () => {
    const api = fakeServer();
    await openForm();

    await fillInsuranceStep('100000071');

    expect(await screen.findByText('Niet verzekerd volgens de controle')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Stap 1 van 3: Verzekering en identificatie' })).toBeTruthy();
    next();
    expect(api.calls('POST /api/werkplek/patients/insurance-check')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Gegevens kloppen, toch doorgaan' }));
    expect(await screen.findByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' })).toBeTruthy();
    expect(screen.getByText('Niet verzekerd volgens de controle')).toBeTruthy();
  });

  it('check unavailable: a visible warning, and continuing is allowed', async () => {
    fakeServer();
    await openForm();

    await fillInsuranceStep('100000083');

    const warning = await screen.findByRole('alert');
    expect(within(warning).getByText('Verzekeringscontrole niet beschikbaar')).toBeTruthy();
    fireEvent.click(within(warning).getByRole('button', { name: 'Doorgaan zonder controle' }));
    expect(await screen.findByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' })).toBeTruthy();
  });

  it('saves the three steps and opens the new record', async () => {
    const api = fakeServer();
    const { router } = await openForm();

    await fillInsuranceStep();
    await fillPersonStep();
    type(/^Postcode/, '5611az');
    fireEvent.blur(input(/^Postcode/));
    expect(input(/^Postcode/).value).toBe('5611 AZ');
    type(/^Huisnummer/, '12');
    type(/^Woonplaats/, 'Eindhoven');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Emre Çelik' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten/120');
    expect(api.calls('POST /api/werkplek/patients')[0]?.body).toMatchObject({
      insuranceCountry: 'NL',
      bsn: '100000009',
      nationality: 'NL',
      roepnaam: 'Emre',
      familyName: 'Çelik',
      birthDate: '1979-08-14',
      gender: 'male',
      postcode: '5611 AZ',
      houseNumber: '12',
      city: 'Eindhoven',
      insuranceCheckId: '41',
      foreignIdNumber: null,
    });
    expect(sessionStorage.getItem(draftStorageKey)).toBeNull();
  });

  it('puts a server field message beside its field, on the step that holds it', async () => {
    fakeServer(() =>
      problem(400, {
        title: 'De invoer is niet in orde',
        detail: 'Controleer de gemarkeerde velden.',
        errors: [{ field: 'roepnaam', message: 'Roepnaam is verplicht.' }],
      }),
    );
    await openForm();
    await fillInsuranceStep();
    await fillPersonStep();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' })).toBeTruthy();
    expect(screen.getByText('Roepnaam is verplicht.')).toBeTruthy();
    expect(input(/^Roepnaam/).getAttribute('aria-invalid')).toBe('true');
  });

  it('a known BSN: "Deze patiënt bestaat al" with the way to the existing patient', async () => {
    fakeServer(() =>
      problem(409, {
        title: 'Deze patiënt bestaat al',
        code: 'patient-exists',
        errors: [{ field: 'bsn', message: 'Er is al een patiënt met dit BSN.' }],
        existingPatient: { id: '1', displayId: 'P0000000001', name: 'Anna de Jong', birthDate: '1961-03-12' },
      }),
    );
    await openForm();
    await fillInsuranceStep('999990019', '12-03-1961');
    await fillPersonStep();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByText('Deze patiënt bestaat al')).toBeTruthy();
    expect(screen.getByText('Anna de Jong · P0000000001 · geboren 12-03-1961')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open deze patiënt' }).getAttribute('href')).toBe('/werkplek/patienten/1');
    // The BSN's step, with the message beside the field.
    expect(screen.getByText('Er is al een patiënt met dit BSN.')).toBeTruthy();
  });

  it('insured abroad: identity document instead of BSN, no insurance check', async () => {
    const api = fakeServer();
    await openForm();

    fireEvent.change(input(/^Land van verzekering/), { target: { value: 'DE' } });
    expect(screen.queryByLabelText(/^BSN/)).toBeNull();
    next();
    expect(await screen.findAllByText('Dit veld is verplicht')).toHaveLength(3);

    fireEvent.click(screen.getByRole('radio', { name: 'Paspoort' }));
    type(/^Paspoort- of ID-kaartnummer/, 'C01X00T47');
    type(/^Geboortedatum/, '02-02-1990');
    next();
    await fillPersonStep();
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await screen.findByRole('heading', { level: 1, name: 'Emre Çelik' });
    expect(api.calls('POST /api/werkplek/patients/insurance-check')).toHaveLength(0);
    expect(api.calls('POST /api/werkplek/patients')[0]?.body).toMatchObject({
      insuranceCountry: 'DE',
      bsn: null,
      foreignIdType: 'passport',
      foreignIdNumber: 'C01X00T47',
      insuranceCheckId: null,
    });
  });

  it('never loses the draft: a reload shows what was typed, on the same step', async () => {
    fakeServer();
    await openForm();
    await fillInsuranceStep();
    await screen.findByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' });
    type(/^Roepnaam/, 'Emre');

    // A reload: the page is gone, sessionStorage stays.
    const stored = sessionStorage.getItem(draftStorageKey);
    expect(stored).toContain('Emre');
    act(() => cleanup());
    sessionStorage.setItem(draftStorageKey, stored as string);
    await openForm();

    expect(screen.getByText('Je concept is teruggezet')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Stap 2 van 3: Persoonsgegevens' })).toBeTruthy();
    expect(input(/^Roepnaam/).value).toBe('Emre');
    expect(screen.getByText(/Verzekerd bij VGZ/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Vorige stap' }));
    expect(input(/^BSN/).value).toBe('100000009');

    // Emptying the form is asked first: a misclick never loses the draft.
    fireEvent.click(screen.getByRole('button', { name: 'Formulier leegmaken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Formulier leegmaken?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leegmaken' }));
    await waitFor(() => expect(input(/^BSN/).value).toBe(''));
    expect(sessionStorage.getItem(draftStorageKey)).not.toContain('Emre');
  });
});
