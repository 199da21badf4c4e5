import { answersOf, emptyResponse, type FormDefinition, type FormProblem, type Language } from '@keten/forms';
import { MantineProvider } from '@mantine/core';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { theme } from '../../ui/theme';
import { consultQuestionnaire } from './form-fixtures';
import { QuestionnaireForm } from './questionnaire-form';

const definition = { key: 'consult-poh-dm2', version: 1, questionnaire: consultQuestionnaire } as FormDefinition;

function Harness({
  problems = [],
  language = 'nl',
  readOnly = false,
  initial = emptyResponse(definition),
  onValue,
}: {
  problems?: FormProblem[];
  language?: Language;
  readOnly?: boolean;
  initial?: QuestionnaireResponse;
  onValue?: (value: QuestionnaireResponse) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <QuestionnaireForm
      questionnaire={consultQuestionnaire}
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue?.(next);
      }}
      problems={problems}
      readOnly={readOnly}
      language={language}
    />
  );
}

function renderForm(props: Parameters<typeof Harness>[0] = {}) {
  let latest: QuestionnaireResponse = props.initial ?? emptyResponse(definition);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <Harness
          {...props}
          onValue={(value) => {
            latest = value;
          }}
        />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { ...result, answers: (linkId: string) => answersOf(latest, linkId) };
}

describe('QuestionnaireForm', { timeout: 15_000 }, () => {
  it('marks required questions with a red asterisk and aria-required', () => {
    renderForm();
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ });
    expect(hba1c.getAttribute('aria-required')).toBe('true');
    const label = document.querySelector(`label[for="${hba1c.id}"]`) as HTMLElement;
    // Mantine's required asterisk: aria-hidden, red (the manual: "rood sterretje achter het label").
    const asterisk = label.querySelector('.mantine-InputWrapper-required, [class*="required"]') as HTMLElement;
    expect(asterisk?.textContent?.trim()).toBe('*');
    // Not required: no asterisk, no aria-required.
    const opmerking = screen.getByRole('textbox', { name: 'Opmerking' });
    expect(opmerking.getAttribute('aria-required')).toBeNull();
  });

  it('shows a question only while its enableWhen holds', () => {
    const form = renderForm();
    expect(screen.queryByRole('textbox', { name: /Sigaretten per dag/ })).toBeNull();
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Rookt de patiënt?' })).getByRole('radio', { name: 'Ja' }));
    const cigarettes = screen.getByRole('textbox', { name: /Sigaretten per dag/ });
    fireEvent.change(cigarettes, { target: { value: '12' } });
    expect(form.answers('sigaretten')).toEqual([{ valueInteger: 12 }]);
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Rookt de patiënt?' })).getByRole('radio', { name: 'Nee' }));
    expect(screen.queryByRole('textbox', { name: /Sigaretten per dag/ })).toBeNull();
    expect(form.answers('roken')).toEqual([{ valueBoolean: false }]);
  });

  it('takes a Dutch decimal with its unit, and dates as dd-mm-jjjj stored as YYYY-MM-DD', () => {
    const form = renderForm();
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ });
    expect(screen.getByText('mmol/mol')).toBeTruthy();
    expect(screen.getByText('Tussen 10 en 200')).toBeTruthy();
    fireEvent.change(hba1c, { target: { value: '53,5' } });
    expect(form.answers('hba1c')).toEqual([{ valueDecimal: 53.5 }]);
    expect((hba1c as HTMLInputElement).value).toBe('53,5');
    // Text that is no number is kept, so the validation can name it.
    fireEvent.change(hba1c, { target: { value: 'hoog' } });
    expect(form.answers('hba1c')).toEqual([{ valueString: 'hoog' }]);

    const weight = screen.getByRole('textbox', { name: /Gewicht/ });
    fireEvent.change(weight, { target: { value: '82.4' } });
    expect(form.answers('gewicht')).toEqual([
      { valueQuantity: { value: 82.4, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } },
    ]);

    const date = screen.getByRole('textbox', { name: /Datum consult/ });
    expect(date.getAttribute('placeholder')).toBe('dd-mm-jjjj');
    fireEvent.change(date, { target: { value: '5-3-2025' } });
    expect(form.answers('datum')).toEqual([{ valueDate: '2025-03-05' }]);

    fireEvent.change(screen.getByRole('textbox', { name: 'Tijdstip meting' }), { target: { value: '8.30' } });
    expect(form.answers('tijd')).toEqual([{ valueTime: '08:30:00' }]);
  });

  it('shows stored values the Dutch way', () => {
    const initial: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: [
        { linkId: 'datum', answer: [{ valueDate: '2025-03-05' }] },
        { linkId: 'metingen', item: [{ linkId: 'hba1c', answer: [{ valueDecimal: 48.5 }] }] },
      ],
    };
    renderForm({ initial, readOnly: true });
    expect((screen.getByRole('textbox', { name: /Datum consult/ }) as HTMLInputElement).value).toBe('05-03-2025');
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ }) as HTMLInputElement;
    expect(hba1c.value).toBe('48,5');
    expect(hba1c.readOnly).toBe(true);
  });

  it('offers radio buttons up to five options, a select list above, checkboxes when several answers may be given', () => {
    const form = renderForm();
    const movement = screen.getByRole('radiogroup', { name: 'Beweegt voldoende' });
    fireEvent.click(within(movement).getByRole('radio', { name: 'Soms' }));
    expect(form.answers('beweging')).toEqual([
      { valueCoding: { system: 'https://keten.test/cs', code: 'soms', display: 'Soms' } },
    ]);

    // Six options: a select list, not six radios.
    expect(screen.queryByRole('radio', { name: 'Sims 0' })).toBeNull();
    expect(screen.getAllByLabelText('Voetonderzoek').some((element) => element.tagName === 'INPUT')).toBe(true);
    expect(screen.getAllByRole('option', { hidden: true }).map((option) => option.textContent)).toContain('Niet onderzocht');

    const complaints = screen.getByRole('group', { name: 'Klachten' });
    fireEvent.click(within(complaints).getByRole('checkbox', { name: 'Dorst' }));
    fireEvent.click(within(complaints).getByRole('checkbox', { name: 'Tintelingen' }));
    expect(form.answers('klachten').map((answer) => answer.valueCoding?.code)).toEqual(['dorst', 'tintelingen']);
  });

  it('shows the shared validation message under the question, in the language', () => {
    const problems: FormProblem[] = [{ linkId: 'hba1c', code: 'required' }];
    const { unmount } = renderForm({ problems });
    const hba1c = screen.getByRole('textbox', { name: /^HbA1c/ });
    expect(hba1c.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Vraag "HbA1c" is verplicht.');
    expect(hba1c.getAttribute('aria-describedby')).toContain(message.id);
    unmount();

    renderForm({ problems, language: 'en' });
    expect(screen.getByText('Question "HbA1c (en)" is required.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^HbA1c \(en\)/ })).toBeTruthy();
  });

  it('renders groups as fieldsets with a legend and display items as text', () => {
    renderForm();
    const group = screen.getByRole('group', { name: 'Metingen' });
    expect(within(group).getByRole('textbox', { name: /^HbA1c/ })).toBeTruthy();
    expect(screen.getByText('Vul de metingen van vandaag in.')).toBeTruthy();
  });
});
