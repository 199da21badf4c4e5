import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatDate } from '../../ui/format';
import { EyeIcon, SearchIcon } from '../../ui/icons';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { mayOpen, werkplekPaths } from '../navigation';
import type { PatientLocationState } from './patient-card-page';
import { exactIdentityOf, patientName } from './patient-format';
import { patientPath } from './patient-paths';
import classes from './patients.module.css';
import { type PatientSearchHit, type PatientSearchResult, patientSearchQuery } from './patients-api';
import type { TransferIdentity } from './record/record-api';

/** The search as the address holds it: `?q=jong&page=2` — a reload, "Terug" or a bookmark shows the same. */
function searchFrom(params: URLSearchParams): { q: string; page: number } {
  const page = Number(params.get('page'));
  return { q: (params.get('q') ?? '').trim().slice(0, 200), page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/**
 * Patiënt zoeken (seed 001 §1 item 9–10, §3.2): one box for the P-ID (the numeric part is enough), BSN,
 * birth date dd-mm-jjjj and (part of) the family name; terms combine. Results in a table, opened with the
 * "oogje". The server decides which patients a search may show (and logs every patient shown).
 */
export function PatientSearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.nav.patientSearch'), 'werkplek');
  const session = useCurrentSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const { q, page } = searchFrom(searchParams);
  const [text, setText] = useState(q);
  const [error, setError] = useState<string>();
  const query = useQuery(patientSearchQuery(q, page));
  const inputRef = useRef<HTMLInputElement>(null);

  // A new search starts in the box; with results on screen, focus stays where the user is.
  useEffect(() => {
    if (q === '') inputRef.current?.focus();
  }, [q]);

  // "Terug" in the browser changes the address: show its search in the box.
  useEffect(() => setText(q), [q]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim().replace(/\s+/g, ' ');
    if (value === '') {
      setError(t('werkplek.patients.search.required'));
      return;
    }
    setError(undefined);
    setSearchParams({ q: value });
    // The same search again: ask the server again (a patient may have been added meanwhile).
    if (value === q && page === 1) void query.refetch();
  }

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.nav.patientSearch')}</Title>
        <Text c="dimmed">{t('werkplek.patients.search.intro')}</Text>
      </Stack>

      {!session.account.personal && (
        <Alert color="yellow" variant="light" title={t('werkplek.patients.search.notPersonalTitle')} styles={darkTitle}>
          {t('werkplek.patients.search.notPersonal')}
        </Alert>
      )}

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not known to jsdom (the component tests); the role is the same landmark */}
        <form onSubmit={onSubmit} noValidate role="search" aria-label={t('werkplek.nav.patientSearch')}>
          <TextInput
            ref={inputRef}
            name="q"
            type="search"
            label={t('werkplek.patients.search.label')}
            placeholder={t('werkplek.patients.search.placeholder')}
            description={t('werkplek.patients.search.description')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={error}
            autoComplete="off"
            spellCheck={false}
            leftSection={<SearchIcon size={18} />}
            maxLength={200}
            // The button sits beside the input itself, so a message below the input never pushes it out of line.
            inputContainer={(children) => (
              <Group gap="sm" wrap="nowrap" align="center">
                <Box style={{ flex: 1, minWidth: 0 }}>{children}</Box>
                <Button type="submit" loading={query.isFetching}>
                  {t('werkplek.patients.search.submit')}
                </Button>
              </Group>
            )}
          />
        </form>
      </Paper>

      {q !== '' && (
        <SearchResults
          query={query}
          q={q}
          page={page}
          mayAdd={mayOpen('patientAdd', session.navigation)}
          onPage={(next) => setSearchParams(next > 1 ? { q, page: String(next) } : { q })}
        />
      )}
    </Stack>
  );
}

// Yellow title text on a light yellow background is unreadable (WCAG contrast): use the text colour.
const darkTitle = { title: { color: 'var(--mantine-color-text)' } };

function SearchResults({
  query,
  q,
  page,
  mayAdd,
  onPage,
}: {
  query: UseQueryResult<PatientSearchResult>;
  q: string;
  page: number;
  mayAdd: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  // Phones: a list of cards instead of a table that scrolls sideways.
  const narrow = useMediaQuery('(max-width: 36em)');
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { hits, hasMore, scope } = query.data;

  const count =
    hits.length === 0
      ? t('werkplek.patients.search.noneFound', { q })
      : hasMore || page > 1
        ? t('werkplek.patients.search.foundPage', { count: hits.length, page })
        : t('werkplek.patients.search.found', { count: hits.length });

  return (
    <Stack gap="sm">
      {/* Read out after every search; the table follows. */}
      <Text role="status" fw={600}>
        {count}
      </Text>
      {hits.length === 0 ? (
        <Alert color="keten" variant="light" title={t('werkplek.patients.search.emptyTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('werkplek.patients.search.emptyHint')}</Text>
            {mayAdd && (
              <Anchor component={Link} to={werkplekPaths.patientAdd} size="sm" fw={600}>
                {t('werkplek.patients.search.toAdd')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      ) : (
        <>
          {scope === 'any-patient' && (
            <Text size="sm" c="dimmed">
              {t('werkplek.patients.search.exactScope')}
            </Text>
          )}
          {narrow ? (
            <Stack component="ul" gap="sm" className={classes.cards} aria-label={t('werkplek.patients.search.caption')}>
              {hits.map((hit) => (
                <SearchCard key={hit.id} hit={hit} identity={scope === 'any-patient' ? exactIdentityOf(q) : null} />
              ))}
            </Stack>
          ) : (
            <Paper withBorder radius="md">
              <Box role="region" aria-labelledby={captionId} tabIndex={0} className={classes.scroller}>
                <Table striped highlightOnHover verticalSpacing="xs" className={classes.table} aria-busy={query.isFetching}>
                  <Table.Caption id={captionId} className={classes.caption}>
                    {t('werkplek.patients.search.caption')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={56}>
                        <VisuallyHidden>{t('werkplek.patients.search.columns.open')}</VisuallyHidden>
                      </Table.Th>
                      <Table.Th scope="col">{t('werkplek.patients.search.columns.id')}</Table.Th>
                      <Table.Th scope="col">{t('werkplek.patients.search.columns.name')}</Table.Th>
                      <Table.Th scope="col">{t('werkplek.patients.search.columns.birthDate')}</Table.Th>
                      <Table.Th scope="col">{t('werkplek.patients.search.columns.bsn')}</Table.Th>
                      <Table.Th scope="col">{t('werkplek.patients.search.columns.practice')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {hits.map((hit) => (
                      <SearchRow key={hit.id} hit={hit} identity={scope === 'any-patient' ? exactIdentityOf(q) : null} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
            </Paper>
          )}
        </>
      )}
      {(page > 1 || hasMore) && (
        <Group component="nav" aria-label={t('werkplek.audit.pagination')} gap="sm" justify="flex-end">
          <Button variant="default" size="compact-md" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('werkplek.audit.previous')}
          </Button>
          <Text size="sm" aria-current="page">
            {t('werkplek.audit.page', { page })}
          </Text>
          <Button variant="default" size="compact-md" disabled={!hasMore} onClick={() => onPage(page + 1)}>
            {t('werkplek.audit.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The state the eye hands to the record: the way back, and for a BSN + birth date search who was found. */
function useRecordState(hit: PatientSearchHit, identity: TransferIdentity | null): PatientLocationState {
  const location = useLocation();
  return {
    fromSearch: `${location.pathname}${location.search}`,
    exact: identity
      ? {
          identity,
          patient: {
            id: hit.id,
            displayId: hit.displayId,
            name: patientName(hit),
            birthDate: hit.birthDate,
            practiceName: hit.practiceName,
          },
        }
      : undefined,
  };
}

/** The "oogje" (seed 001 §1 item 9): a real link, so Tab reaches it and Enter opens the record. */
function EyeLink({ hit, identity }: { hit: PatientSearchHit; identity: TransferIdentity | null }) {
  const { t } = useTranslation();
  const state = useRecordState(hit, identity);
  return (
    <ActionIcon
      component={Link}
      to={patientPath(hit.id)}
      state={state}
      variant="light"
      size="lg"
      aria-label={t('werkplek.patients.search.open', { name: patientName(hit) })}
      title={t('werkplek.patients.search.openShort')}
    >
      <EyeIcon size={20} />
    </ActionIcon>
  );
}

function SearchCard({ hit, identity }: { hit: PatientSearchHit; identity: TransferIdentity | null }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <EyeLink hit={hit} identity={identity} />
        <Stack gap={2} miw={0}>
          <Text fw={700}>{patientName(hit)}</Text>
          <Text size="sm">
            {hit.displayId} · {formatDate(hit.birthDate)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('werkplek.patients.search.columns.bsn')} {hit.bsnMasked ?? t('werkplek.patients.search.noBsn')} ·{' '}
            {hit.practiceName ?? t('werkplek.patients.search.noPractice')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function SearchRow({ hit, identity }: { hit: PatientSearchHit; identity: TransferIdentity | null }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <EyeLink hit={hit} identity={identity} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>
        {hit.displayId}
        {hit.legacyId && (
          <Text span size="xs" c="dimmed" display="block">
            {t('werkplek.patients.search.legacyId', { id: hit.legacyId })}
          </Text>
        )}
      </Table.Td>
      <Table.Td fw={600}>{patientName(hit)}</Table.Td>
      <Table.Td className={classes.nowrap}>{formatDate(hit.birthDate)}</Table.Td>
      <Table.Td className={classes.nowrap}>{hit.bsnMasked ?? t('werkplek.patients.search.noBsn')}</Table.Td>
      <Table.Td>{hit.practiceName ?? t('werkplek.patients.search.noPractice')}</Table.Td>
    </Table.Tr>
  );
}
