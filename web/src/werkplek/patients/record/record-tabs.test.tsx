import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, type MockRequest, mockApi, problem } from '../../../test/mock-api';
import { renderRoute } from '../../../test/render';
import { dietitianFixture, sessionFixture } from '../../session-fixture';
import { annaCard } from '../patient-fixtures';
import type { Memo, Personalia } from './record-api';

const role = (nl: string) => ({ code: nl.toLowerCase(), nl, en: nl });

const session = sessionFixture();
const base = {
  'GET /api/werkplek/auth/session': json(session),
  'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
};

function memo(overrides: Partial<Memo>): Memo {
  return {
    id: '1',
    text: 'Belt liever na 16:00.',
    visibility: 'personal',
    author: { accountId: '1', name: 'Jeroen de Vries', role: role('Huisarts') },
    organisation: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
    createdAt: '2025-03-01T09:00:00Z',
    updatedAt: '2025-03-01T09:00:00Z',
    mine: true,
    ...overrides,
  };
}

const personalia: Personalia = {
  patientId: '1',
  displayId: 'P0000000001',
  identification: { bsn: '999990019', bsnMasked: false, legacyId: '3001234' },
  names: { initials: 'A.', givenNames: 'Anna Maria', roepnaam: 'Anna', familyNamePrefix: 'de', familyName: 'Jong' },
  birth: { birthDate: '1961-03-12', gender: 'female', nationality: 'NL' },
  address: {
    street: 'Stratumsedijk',
    houseNumber: '12',
    houseNumberSuffix: null,
    postcode: '5611 AB',
    city: 'Eindhoven',
    country: 'NL',
  },
  contact: { phone: '040-1234567', email: null },
  insurance: { insuranceCountry: 'NL', foreignIdType: null, foreignIdNumber: null, lastInsuranceCheck: null },
  enrolments: [
    {
      id: '7',
      practice: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
      validFrom: '2020-01-01',
      validTo: null,
      current: true,
    },
  ],
  pharmacy: { pharmacyId: '9', pharmacyName: 'Apotheek De Linde' },
  editableGroups: ['names', 'birth', 'address', 'contact', 'insurance', 'pharmacy'],
};

describe('Record tabs', { timeout: 15_000 }, () => {
  it('Behandelteam lists the providers and organisations', async () => {
    mockApi({
      ...base,
      'GET /api/werkplek/patients/1/team': json({
        members: [
          {
            accountId: '1',
            name: 'Jeroen de Vries',
            role: role('Huisarts'),
            organisation: { id: '2', name: 'Huisartsenpraktijk Zonnehof', type: 'gp-practice' },
            since: '2025-02-01T10:00:00Z',
          },
        ],
        organisations: [
          {
            organisation: { id: '8', name: 'Voetzorg Zuid', type: 'chain-partner' },
            reason: 'referral',
            role: role('Podotherapeut'),
            since: '2024-06-01',
          },
        ],
      }),
    });
    renderRoute('/werkplek/patienten/1/behandelteam');

    const members = await screen.findByRole('table', { name: 'Zorgverleners in het behandelteam' });
    expect(within(members).getByText('Jeroen de Vries')).toBeTruthy();
    expect(within(members).getByText('01-02-2025')).toBeTruthy();
    const organisations = screen.getByRole('table', { name: /Organisaties die bij de zorg/ });
    expect(within(organisations).getByText('Verwijzing (Podotherapeut)')).toBeTruthy();
  });

  it("Memo's: write one for the practice, edit and delete your own", async () => {
    let memos: Memo[] = [
      memo({ id: '1' }),
      memo({
        id: '2',
        mine: false,
        author: { accountId: '9', name: 'Tamara Koster', role: role('Huisarts') },
        visibility: 'practice',
        text: 'Zoon Sem ook patiënt.',
      }),
    ];
    const api = mockApi({
      ...base,
      'GET /api/werkplek/patients/1/memos': () => json({ memos }),
      'POST /api/werkplek/patients/1/memos': ({ body }: MockRequest) => {
        const created = memo({ id: '3', ...(body as object) });
        memos = [created, ...memos];
        return json(created, 201);
      },
      'PUT /api/werkplek/patients/1/memos/1': ({ body }: MockRequest) => {
        memos = memos.map((each) =>
          each.id === '1' ? { ...each, ...(body as object), updatedAt: '2025-03-02T09:00:00Z' } : each,
        );
        return json(memos.find((each) => each.id === '1'));
      },
      'DELETE /api/werkplek/patients/1/memos/1': () => {
        memos = memos.filter((each) => each.id !== '1');
        return { status: 204 };
      },
    });
    renderRoute('/werkplek/patienten/1/memos');

    expect(await screen.findByText('Belt liever na 16:00.')).toBeTruthy();
    expect(screen.getByText('Voor Huisartsenpraktijk Zonnehof')).toBeTruthy();
    // Only the author's memo has Bewerken / Verwijderen.
    expect(screen.getAllByRole('button', { name: 'Bewerken' })).toHaveLength(1);

    fireEvent.change(screen.getByRole('textbox', { name: /^Memo/ }), { target: { value: 'Bloedprikken nuchter.' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Mijn praktijk' }));
    fireEvent.click(screen.getByRole('button', { name: 'Memo opslaan' }));
    expect(await screen.findByText('Bloedprikken nuchter.')).toBeTruthy();
    expect(api.calls('POST /api/werkplek/patients/1/memos')[0]?.body).toEqual({
      text: 'Bloedprikken nuchter.',
      visibility: 'practice',
    });

    const own = screen.getByText('Belt liever na 16:00.').closest('li') as HTMLElement;
    fireEvent.click(within(own).getByRole('button', { name: 'Bewerken' }));
    const editor = within(own).getByRole('textbox', { name: /^Memo/ });
    fireEvent.change(editor, { target: { value: 'Belt liever na 17:00.' } });
    fireEvent.click(within(own).getByRole('button', { name: 'Wijziging opslaan' }));
    expect(await screen.findByText('Belt liever na 17:00.')).toBeTruthy();

    const changed = screen.getByText('Belt liever na 17:00.').closest('li') as HTMLElement;
    fireEvent.click(within(changed).getByRole('button', { name: 'Verwijderen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Memo verwijderen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(screen.queryByText('Belt liever na 17:00.')).toBeNull());
    expect(api.calls('DELETE /api/werkplek/patients/1/memos/1')).toHaveLength(1);
  });

  it('Personalia: groups with a pencil; one group is saved as a whole, server messages beside the field', async () => {
    let current = personalia;
    const api = mockApi({
      ...base,
      'GET /api/werkplek/patients/1/personalia': () => json(current),
      'PATCH /api/werkplek/patients/1/personalia/address': ({ body }: MockRequest) => {
        const values = body as Personalia['address'];
        if (values.postcode === '1234') {
          return problem(400, {
            title: 'De invoer is niet in orde',
            errors: [{ field: 'postcode', message: 'Postcode moet de vorm 1234 AB hebben.' }],
          });
        }
        current = { ...current, address: values };
        return json(current);
      },
    });
    renderRoute('/werkplek/patienten/1/personalia');

    const address = (await screen.findByRole('heading', { name: 'Adres' })).closest('section') as HTMLElement;
    expect(within(address).getByText('Stratumsedijk')).toBeTruthy();
    expect(screen.getByText('3001234')).toBeTruthy();
    expect(screen.getByText('Sinds 01-01-2020')).toBeTruthy();

    fireEvent.click(within(address).getByRole('button', { name: 'Adres wijzigen' }));
    // Outside NL the client lets any postcode through; here the server refuses it, beside the field.
    fireEvent.change(within(address).getByRole('combobox', { name: /^Land/ }), { target: { value: 'BE' } });
    fireEvent.change(within(address).getByRole('textbox', { name: /^Postcode/ }), { target: { value: '1234' } });
    fireEvent.click(within(address).getByRole('button', { name: 'Opslaan' }));
    expect(await within(address).findByText('Postcode moet de vorm 1234 AB hebben.')).toBeTruthy();

    fireEvent.change(within(address).getByRole('combobox', { name: /^Land/ }), { target: { value: 'NL' } });
    fireEvent.change(within(address).getByRole('textbox', { name: /^Postcode/ }), { target: { value: '5611 AB' } });
    fireEvent.change(within(address).getByRole('textbox', { name: /^Woonplaats/ }), { target: { value: 'Veldhoven' } });
    fireEvent.click(within(address).getByRole('button', { name: 'Opslaan' }));

    expect(await within(address).findByText('Veldhoven')).toBeTruthy();
    expect(api.calls('PATCH /api/werkplek/patients/1/personalia/address')[1]?.body).toEqual({
      street: 'Stratumsedijk',
      houseNumber: '12',
      houseNumberSuffix: null,
      postcode: '5611 AB',
      city: 'Veldhoven',
      country: 'NL',
    });
  });

  it('Personalia without the right to edit: no pencils', async () => {
    mockApi({
      ...base,
      'GET /api/werkplek/patients/1/personalia': json({ ...personalia, editableGroups: [] }),
    });
    renderRoute('/werkplek/patienten/1/personalia');

    expect(await screen.findByText('Je rol mag de personalia inzien maar niet wijzigen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /wijzigen$/ })).toBeNull();
  });

  it('Overschrijven: a patient of another practice is taken over after confirming', async () => {
    const elsewhere = { ...annaCard, practice: { id: '3', name: 'Huisartsenpraktijk De Brug' } };
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(session),
      'GET /api/werkplek/patients/1': json({ status: 'open', card: elsewhere }),
      'POST /api/werkplek/patients/1/transfer': json({
        enrolmentId: '70',
        practice: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
        previousPractice: { id: '3', name: 'Huisartsenpraktijk De Brug' },
        validFrom: '2025-03-05',
      }),
    });
    renderRoute('/werkplek/patienten/1');

    fireEvent.click(await screen.findByRole('button', { name: 'Overschrijven naar Huisartsenpraktijk Zonnehof' }));
    const dialog = await screen.findByRole('dialog', { name: 'Wijzigen van huisartsenpraktijk bevestigen' });
    expect(within(dialog).getByText(/De inschrijving bij Huisartsenpraktijk De Brug eindigt vandaag/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Overschrijven bevestigen' }));

    expect(
      await screen.findByText('Anna de Jong staat vanaf 05-03-2025 ingeschreven bij Huisartsenpraktijk Zonnehof.'),
    ).toBeTruthy();
    expect(api.calls('POST /api/werkplek/patients/1/transfer')[0]?.body).toEqual({
      bsn: '999990019',
      birthDate: '1961-03-12',
      confirm: true,
    });
  });

  it('Overschrijven from the search: BSN + birth date, the relationship, the change of practice, then the record', async () => {
    const debrug = sessionFixture({
      account: {
        username: 'huisarts.hapb',
        name: 'Ruud van der Heijden',
        organisation: { id: '3', name: 'Huisartsenpraktijk De Brug', type: 'gp-practice' },
      },
    });
    let transferred = false;
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(debrug),
      'GET /api/werkplek/patients': json({
        hits: [
          {
            id: '1',
            displayId: 'P0000000001',
            legacyId: null,
            roepnaam: 'Anna',
            initials: 'A.',
            familyNamePrefix: 'de',
            familyName: 'Jong',
            birthDate: '1961-03-12',
            gender: 'female',
            bsnMasked: '******019',
            practiceName: 'Huisartsenpraktijk Zonnehof',
          },
        ],
        hasMore: false,
        page: 1,
        scope: 'any-patient',
      }),
      'GET /api/werkplek/patients/1': () =>
        transferred
          ? json({ status: 'open', card: { ...annaCard, practice: { id: '3', name: 'Huisartsenpraktijk De Brug' } } })
          : problem(404, { title: 'Niet gevonden', code: 'not-found' }),
      'POST /api/werkplek/patients/1/transfer': () => {
        transferred = true;
        return json({
          enrolmentId: '70',
          practice: { id: '3', name: 'Huisartsenpraktijk De Brug' },
          previousPractice: { id: '2', name: 'Huisartsenpraktijk Zonnehof' },
          validFrom: '2025-03-05',
        });
      },
    });
    const { router } = renderRoute('/werkplek/patienten?q=999990019%2012-03-1961');

    fireEvent.click(await screen.findByRole('link', { name: 'Open dossier van Anna de Jong' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Patiënt overschrijven' })).toBeTruthy();
    expect(screen.getByText(/staat ingeschreven bij Huisartsenpraktijk Zonnehof/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Wijzigen van huisartsenpraktijk bevestigen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Overschrijven bevestigen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna de Jong' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/werkplek/patienten/1');
    expect(api.calls('POST /api/werkplek/patients/1/transfer')[0]?.body).toEqual({
      bsn: '999990019',
      birthDate: '1961-03-12',
      confirm: true,
    });
  });

  it('a chain partner who found a patient by BSN + birth date refers the patient to itself by confirming', async () => {
    let referred = false;
    const api = mockApi({
      'GET /api/werkplek/auth/session': json(dietitianFixture()),
      'GET /api/werkplek/patients/1': () =>
        referred ? json({ status: 'open', card: annaCard }) : problem(404, { title: 'Niet gevonden', code: 'not-found' }),
      'POST /api/werkplek/patients/1/self-referral': () => {
        referred = true;
        return json({ referred: true, newReferral: true });
      },
    });
    const { router } = renderRoute('/werkplek/patienten');
    const state = {
      fromSearch: '/werkplek/patienten?q=999990019+12-03-1961',
      exact: {
        identity: { bsn: '999990019', birthDate: '1961-03-12' },
        patient: {
          id: '1',
          displayId: 'P0000000001',
          name: 'Anna de Jong',
          birthDate: '1961-03-12',
          practiceName: 'Huisartsenpraktijk Zonnehof',
        },
      },
    };
    await act(() => router.navigate('/werkplek/patienten/1', { state }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Behandelrelatie bevestigen' })).toBeTruthy();
    expect(
      screen.getByText(/nog niet naar .* verwezen\. Met het bevestigen verwijs je de patiënt naar je eigen organisatie/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Overschrijven/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Anna de Jong' })).toBeTruthy();
    expect(api.calls('POST /api/werkplek/patients/1/self-referral')[0]?.body).toEqual({
      bsn: '999990019',
      birthDate: '1961-03-12',
      confirm: true,
    });
  });

  it('no Overschrijven for the own practice, nor for a chain partner', async () => {
    mockApi(base);
    renderRoute('/werkplek/patienten/1');
    await screen.findByRole('heading', { level: 1, name: 'Anna de Jong' });
    expect(screen.queryByRole('button', { name: /^Overschrijven/ })).toBeNull();
  });
});
