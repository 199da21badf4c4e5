import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../app/providers';
import { json, type MockRequest, mockApi } from '../../test/mock-api';
import { renderRoute } from '../../test/render';
import { sessionFixture } from '../session-fixture';
import { Markdown, parseMarkdown } from './markdown';

describe('Helpdesk', { timeout: 15_000 }, () => {
  it('renders Markdown as elements: headings, lists, bold; HTML stays text and unsafe links are not links', () => {
    const source =
      '# Titel\n\nTekst met **vet** en <script>alert(1)</script>.\n\n1. Eerste\n2. Tweede\n   - Genest\n\n[klik](javascript:alert(1)) [hulp](/werkplek/helpdesk)';
    expect(parseMarkdown(source).map((block) => block.kind)).toEqual(['heading', 'paragraph', 'list', 'paragraph']);
    const { container } = render(
      <AppProviders queryClient={createQueryClient()}>
        <Markdown source={source} />
      </AppProviders>,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('strong')?.textContent).toBe('vet');
    expect(container.querySelectorAll('ol > li')).toHaveLength(2);
    const links = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/werkplek/helpdesk']);
  });

  it('searches the articles and opens one', async () => {
    mockApi({
      'GET /api/werkplek/auth/session': json(sessionFixture()),
      'GET /api/werkplek/messages/unread-count': json({ unread: 0 }),
      'GET /api/werkplek/helpdesk/articles': ({ query }: MockRequest) =>
        json({
          articles: query.get('query')
            ? [
                {
                  slug: 'inloggen-en-verificatiecode',
                  title: 'Inloggen en verificatiecode',
                  excerpt: '…een verificatiecode van 6 cijfers…',
                },
              ]
            : [
                { slug: 'behandelrelatie', title: 'Behandelrelatie vastleggen', excerpt: '' },
                { slug: 'inloggen-en-verificatiecode', title: 'Inloggen en verificatiecode', excerpt: '' },
              ],
        }),
      'GET /api/werkplek/helpdesk/articles/inloggen-en-verificatiecode': json({
        slug: 'inloggen-en-verificatiecode',
        title: 'Inloggen en verificatiecode',
        markdown: '# Inloggen en verificatiecode\n\n1. Vul je **gebruikersnaam** in.\n2. Klik op **Inloggen**.',
      }),
    });
    renderRoute('/werkplek/helpdesk');
    const nav = await screen.findByRole('navigation', { name: 'Helpartikelen' });
    expect(await within(nav).findByRole('link', { name: 'Behandelrelatie vastleggen' })).toBeTruthy();
    fireEvent.change(within(nav).getByRole('searchbox', { name: 'Zoeken in de helpartikelen' }), {
      target: { value: 'verificatiecode' },
    });
    expect(await within(nav).findByText('…een verificatiecode van 6 cijfers…')).toBeTruthy();
    fireEvent.click(within(nav).getByRole('link', { name: 'Inloggen en verificatiecode' }));
    const article = await screen.findByRole('article', { name: 'Inloggen en verificatiecode' });
    expect(within(article).getByText('gebruikersnaam')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bericht aan de helpdesk' })).toBeTruthy();
  });
});
