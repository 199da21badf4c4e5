import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, type MockRequest, mockApi, problem } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { annaCard } from '../patients/patient-fixtures';
import { sessionFixture } from '../session-fixture';
import { consultQuestionnaire } from './form-fixtures';
import { autosaveDelayMs } from './task-page';
import type { PublishBody, TaskDetail } from './tasks-api';

const path = '/api/werkplek/patients/1/tasks/consult-poh-dm2';
const base = {
  'GET /api/werkplek/auth/session': json(sessionFixture()),
  'GET /api/werkplek/patients/1': json({ status: 'open', card: annaCard }),
};

function task(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    definition: {
      key: 'consult-poh-dm2',
      version: 1,
      title: { nl: 'Consult POH/huisarts', en: 'Consultation practice nurse/GP' },
      recordType: 'somatic',
      questionnaire: consultQuestionnaire,
    },
    draft: null,
    entry: null,
    ...overrides,
  };
}

const networkDown = () => {
  throw new TypeError('Failed to fetch');
};

function hba1cOf(body: unknown): unknown {
  const response = (body as { response: { item?: { linkId: string; item?: { linkId: string; answer?: unknown[] }[] }[] } })
    .response;
  return response.item?.find((item) => item.linkId === 'metingen')?.item?.find((item) => item.linkId === 'hba1c')?.answer;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Task page', { timeout: 20_000 }, () => {
  it('asks to continue a draft; "Verder met concept" shows its answers', async () => {
    mockApi({
      ...base,
      [`GET ${path}`]: json(
        task({
          draft: {
            response: {
              resourceType: 'QuestionnaireResponse',
              status: 'in-progress',
              item: [{ linkId: 'metingen', item: [{ linkId: 'hba1c', answer: [{ valueDecimal: 61 }] }] }],
            },
            savedAt: '2025-03-05T13:32:00Z',
            definitionVersion: 1,
          },
        }),
      ),
    });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');

    expect(await screen.findByText('Er is een concept beschikbaar. Wilt u verder gaan met het concept?')).toBeTruthy();
    expect(screen.getByText('Opgeslagen op 05-03-2025 om 14:32.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^HbA1c/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Verder met concept' }));
    expect(((await screen.findByRole('textbox', { name: /^HbA1c/ })) as HTMLInputElement).value).toBe('61');
    expect(screen.getByText('Concept opgeslagen om 14:32')).toBeTruthy();
  });

  it('"Opnieuw beginnen" deletes the draft and starts with an empty form', async () => {
    const api = mockApi({
      ...base,
      [`GET ${path}`]: json(
        task({
          draft: {
            response: {
              resourceType: 'QuestionnaireResponse',
              status: 'in-progress',
              item: [{ linkId: 'metingen', item: [{ linkId: 'hba1c', answer: [{ valueDecimal: 61 }] }] }],
            },
            savedAt: '2025-03-05T13:32:00Z',
            definitionVersion: 1,
          },
        }),
      ),
      [`DELETE ${path}/draft`]: { status: 204 },
    });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');

    fireEvent.click(await screen.findByRole('button', { name: 'Opnieuw beginnen' }));
    expect(((await screen.findByRole('textbox', { name: /^HbA1c/ })) as HTMLInputElement).value).toBe('');
    expect(api.calls(`DELETE ${path}/draft`)).toHaveLength(1);
  });

  it('publishing with a required question empty names the question and sends nothing', async () => {
    const api = mockApi({ ...base, [`GET ${path}`]: json(task()) });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');

    expect(await screen.findByRole('heading', { level: 1, name: 'Consult POH/huisarts' })).toBeTruthy();
    expect(screen.getByText('Patiënt: Anna de Jong')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Datum consult/ }), { target: { value: '05-03-2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Het formulier is nog niet compleet')).toBeTruthy();
    const link = within(summary).getByRole('button', { name: 'Vraag "HbA1c" is verplicht.' });
    expect(within(summary).queryByText(/Datum consult/)).toBeNull();
    // The same message under the question.
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ });
    expect(hba1c.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(link);
    expect(document.activeElement).toBe(hba1c);
    expect(api.calls(`POST ${path}/publish`)).toHaveLength(0);

    // Answering it clears the message.
    fireEvent.change(hba1c, { target: { value: '53' } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('autosaves a few seconds after the last change', async () => {
    const api = mockApi({
      ...base,
      [`GET ${path}`]: json(task()),
      [`PUT ${path}/draft`]: json({ savedAt: '2025-03-05T13:32:00Z' }),
    });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');
    const hba1c = await screen.findByRole('textbox', { name: /^HbA1c/ });

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.change(hba1c, { target: { value: '5' } });
    act(() => {
      vi.advanceTimersByTime(autosaveDelayMs - 500);
    });
    fireEvent.change(hba1c, { target: { value: '53' } });
    act(() => {
      vi.advanceTimersByTime(autosaveDelayMs - 500);
    });
    // Still typing: nothing sent yet.
    expect(api.calls(`PUT ${path}/draft`)).toHaveLength(0);
    act(() => {
      vi.advanceTimersByTime(600);
    });
    vi.useRealTimers();

    await waitFor(() => expect(api.calls(`PUT ${path}/draft`)).toHaveLength(1));
    expect(hba1cOf(api.calls(`PUT ${path}/draft`)[0]?.body)).toEqual([{ valueDecimal: 53 }]);
    expect(await screen.findByText('Concept opgeslagen om 14:32')).toBeTruthy();
  });

  it('"Concept opslaan" saves at once', async () => {
    const api = mockApi({
      ...base,
      [`GET ${path}`]: json(task()),
      [`PUT ${path}/draft`]: json({ savedAt: '2025-03-05T13:40:00Z' }),
    });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');
    fireEvent.change(await screen.findByRole('textbox', { name: /^HbA1c/ }), { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    expect(await screen.findByText('Concept opgeslagen om 14:40')).toBeTruthy();
    expect(api.calls(`PUT ${path}/draft`)).toHaveLength(1);
  });

  it('keeps the input when the network fails, and publishes the same request again', async () => {
    let online = false;
    const api = mockApi({
      ...base,
      [`GET ${path}`]: json(task()),
      [`PUT ${path}/draft`]: () => (online ? json({ savedAt: '2025-03-05T13:32:00Z' }) : networkDown()),
      [`POST ${path}/publish`]: () =>
        online ? json({ entryId: '77', version: 1, publishedAt: '2025-03-05T13:33:00Z' }, 201) : networkDown(),
      'GET /api/werkplek/patients/1/history': json({
        entries: [],
        total: 0,
        page: 1,
        pageSize: 25,
        filters: { tasks: [], authors: [], roles: [] },
      }),
    });
    const { router } = renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');

    fireEvent.change(await screen.findByRole('textbox', { name: /Datum consult/ }), { target: { value: '05-03-2025' } });
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ }) as HTMLInputElement;
    fireEvent.change(hba1c, { target: { value: '53,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    expect(await screen.findByText('Concept niet opgeslagen: geen verbinding. Je invoer blijft staan.')).toBeTruthy();
    expect(hba1c.value).toBe('53,5');

    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    expect(
      await screen.findByText('Het formulier is niet gepubliceerd. Je invoer blijft staan; probeer het opnieuw.'),
    ).toBeTruthy();
    expect(hba1c.value).toBe('53,5');
    expect(router.state.location.pathname).toBe('/werkplek/patienten/1/taak/consult-poh-dm2');

    online = true;
    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/werkplek/patienten/1/historie'));
    const attempts = api.calls(`POST ${path}/publish`).map((request: MockRequest) => request.body as PublishBody);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1]?.requestId).toBe(attempts[0]?.requestId);
    expect(hba1cOf(attempts[1])).toEqual([{ valueDecimal: 53.5 }]);
    expect(router.state.location.state).toMatchObject({ published: { entryId: '77', version: 1 } });
  });

  it("shows the server's 422 field errors at the question and in the summary", async () => {
    mockApi({
      ...base,
      [`GET ${path}`]: json(task()),
      [`POST ${path}/publish`]: problem(422, {
        title: 'Het formulier is niet compleet',
        detail: 'Controleer de gemarkeerde vragen.',
        errors: [{ field: 'opmerking', message: 'Vraag "Opmerking" is te lang.' }],
      }),
    });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');
    fireEvent.change(await screen.findByRole('textbox', { name: /Datum consult/ }), { target: { value: '05-03-2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^HbA1c/ }), { target: { value: '53' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Het formulier is niet compleet')).toBeTruthy();
    expect(within(summary).getByRole('button', { name: 'Vraag "Opmerking" is te lang.' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Opmerking' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('"Bewerken" starts from the entry and publishes a new version of it', async () => {
    const api = mockApi({
      ...base,
      [`GET ${path}`]: (request: MockRequest) =>
        request.query.get('entryId') === '77'
          ? json(
              task({
                entry: {
                  id: '77',
                  version: 2,
                  response: {
                    resourceType: 'QuestionnaireResponse',
                    status: 'completed',
                    item: [
                      { linkId: 'datum', answer: [{ valueDate: '2025-03-05' }] },
                      { linkId: 'metingen', item: [{ linkId: 'hba1c', answer: [{ valueDecimal: 53 }] }] },
                    ],
                  },
                },
              }),
            )
          : problem(404),
      [`POST ${path}/publish`]: json({ entryId: '77', version: 3, publishedAt: '2025-03-05T13:33:00Z' }, 201),
    });
    const { router } = renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2?entry=77');
    expect(await screen.findByText('Bewerken · versie 2')).toBeTruthy();
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ }) as HTMLInputElement;
    expect(hba1c.value).toBe('53');
    fireEvent.change(hba1c, { target: { value: '52' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/werkplek/patienten/1/historie'));
    expect(api.calls(`POST ${path}/publish`)[0]?.body).toMatchObject({ entryId: '77' });
  });

  describe('a referral draft', () => {
    const referralTask = () =>
      task({
        definition: { ...task().definition, recordType: 'referral' },
        draft: {
          response: {
            resourceType: 'QuestionnaireResponse',
            status: 'in-progress',
            item: [
              { linkId: 'datum', answer: [{ valueDate: '2025-03-05' }] },
              { linkId: 'metingen', item: [{ linkId: 'hba1c', answer: [{ valueDecimal: 53 }] }] },
            ],
          },
          savedAt: '2025-03-05T13:32:00Z',
          definitionVersion: 1,
          referral: {
            toOrganisationId: '6',
            letter: { id: '31', fileName: 'verwijsbrief.pdf', contentType: 'application/pdf', size: 1234 },
          },
        },
      });
    const referralRoutes = {
      ...base,
      [`GET ${path}`]: json(referralTask()),
      'GET /api/werkplek/referral-targets': json({
        toOrganisationType: 'dietitian',
        toRole: 'dietist',
        organisations: [
          { id: '5', name: 'Diëtistenpraktijk De Linde', city: 'Veldhoven' },
          { id: '6', name: 'Diëtistenpraktijk Vitaal', city: 'Eindhoven' },
        ],
      }),
      [`PUT ${path}/draft`]: json({ savedAt: '2025-03-05T13:40:00Z' }),
      [`POST ${path}/publish`]: json({ entryId: '80', version: 1, publishedAt: '2025-03-05T13:41:00Z' }, 201),
    };

    it('comes back with the organisation and the letter, and publishes them', async () => {
      const api = mockApi(referralRoutes);
      const { router } = renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');
      fireEvent.click(await screen.findByRole('button', { name: 'Verder met concept' }));
      expect(await screen.findByText('Toegevoegd: verwijsbrief.pdf')).toBeTruthy();
      expect((document.getElementById('toOrganisationId') as HTMLInputElement).value).toBe(
        'Diëtistenpraktijk Vitaal (Eindhoven)',
      );
      fireEvent.click(screen.getByRole('button', { name: 'Publiceren' }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/werkplek/patienten/1/historie'));
      expect(api.calls(`POST ${path}/publish`)[0]?.body).toMatchObject({
        referral: { toOrganisationId: '6', letterBlobId: '31' },
      });
    });

    it('"Verwijderen" takes the letter out of the draft at once', async () => {
      const api = mockApi(referralRoutes);
      renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');
      fireEvent.click(await screen.findByRole('button', { name: 'Verder met concept' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Verwijderen' }));
      await waitFor(() => expect(api.calls(`PUT ${path}/draft`)).toHaveLength(1));
      expect(api.calls(`PUT ${path}/draft`)[0]?.body).toMatchObject({
        referral: { toOrganisationId: '6', letterBlobId: null },
      });
      expect(screen.queryByText('Toegevoegd: verwijsbrief.pdf')).toBeNull();
    });
  });

  it('says so when the task cannot be started', async () => {
    mockApi({ ...base, [`GET ${path}`]: problem(404, { title: 'Niet gevonden' }) });
    renderRoute('/werkplek/patienten/1/taak/consult-poh-dm2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Taak niet beschikbaar' })).toBeTruthy();
  });
});
