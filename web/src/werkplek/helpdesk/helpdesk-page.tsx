import { Alert, Anchor, Button, Grid, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isProblemError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { messagesKey } from '../messages/messages-api';
import { messagesPaths } from '../messages/messages-paths';
import { SubjectBodyFields } from '../messages/subject-body-fields';
import { Markdown } from './markdown';

// Helpdesk (seed 001 §3.7): "Voor het sturen van een bericht naar de helpdesk of het raadplegen van inhoudelijke
// informatie." Articles with search on the left, the article or the message form on the right.

export const helpdeskPaths = {
  home: '/werkplek/helpdesk',
  article: (slug: string) => `/werkplek/helpdesk/${encodeURIComponent(slug)}`,
  message: '/werkplek/helpdesk/bericht',
};

interface ArticleSummary {
  slug: string;
  title: string;
  excerpt: string;
}

function articlesQuery(query: string) {
  return queryOptions({
    queryKey: ['werkplek', 'helpdesk', 'articles', query],
    queryFn: ({ signal }) =>
      api.get<{ articles: ArticleSummary[] }>(`/api/werkplek/helpdesk/articles?query=${encodeURIComponent(query)}`, signal),
    staleTime: 5 * 60_000,
  });
}

function articleQuery(slug: string) {
  return queryOptions({
    queryKey: ['werkplek', 'helpdesk', 'article', slug],
    queryFn: ({ signal }) =>
      api.get<{ slug: string; title: string; markdown: string }>(
        `/api/werkplek/helpdesk/articles/${encodeURIComponent(slug)}`,
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

function ArticleView({ slug }: { slug: string }) {
  const article = useQuery(articleQuery(slug));
  if (article.isPending) return <Loader />;
  if (article.isError) return <ProblemAlert error={article.error} />;
  return (
    <Paper withBorder p="lg" radius="md" component="article" aria-labelledby="article-title">
      <Title order={2} id="article-title">
        {article.data.title}
      </Title>
      <Markdown source={article.data.markdown} skipTitle />
    </Paper>
  );
}

function HelpdeskMessageForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: (input: { subject: string; body: string }) =>
      api.post<{ threadId: string }>('/api/werkplek/helpdesk/messages', { ...input, attachmentIds: [] }),
    onSuccess: (sent) => {
      void queryClient.invalidateQueries({ queryKey: messagesKey });
      void navigate(messagesPaths.thread(sent.threadId));
    },
  });
  const serverErrors = isProblemError(send.error) ? send.error.errors : [];
  const fieldError = (field: string) => missing[field] ?? serverErrors.find((error) => error.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!subject.trim()) problems.subject = t('werkplek.messages.errors.subject');
    if (!body.trim()) problems.body = t('werkplek.messages.errors.body');
    setMissing(problems);
    if (Object.keys(problems).length === 0) send.mutate({ subject: subject.trim(), body: body.trim() });
  }

  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="helpdesk-message">
      <Stack gap="md">
        <Title order={2} id="helpdesk-message">
          {t('werkplek.helpdesk.messageTitle')}
        </Title>
        <Text c="dimmed">{t('werkplek.helpdesk.messageHint')}</Text>
        <SubjectBodyFields
          subject={subject}
          body={body}
          onSubject={setSubject}
          onBody={setBody}
          fieldError={fieldError}
          minRows={5}
        />
        {send.isError && <ProblemAlert error={send.error} shownFields={['subject', 'body']} />}
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            {t('werkplek.helpdesk.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function HelpdeskPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.nav.helpdesk'), 'werkplek');
  const { slug } = useParams();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const articles = useQuery(articlesQuery(debounced));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('werkplek.nav.helpdesk')}</Title>
        <Button component={Link} to={helpdeskPaths.message}>
          {t('werkplek.helpdesk.messageTitle')}
        </Button>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm" component="nav" aria-label={t('werkplek.helpdesk.articles')}>
            <TextInput
              type="search"
              label={t('werkplek.helpdesk.search')}
              placeholder={t('werkplek.helpdesk.searchPlaceholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
            {articles.isError && <ProblemAlert error={articles.error} />}
            {articles.data?.articles.length === 0 && <Alert variant="light">{t('werkplek.helpdesk.noArticles')}</Alert>}
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {articles.data?.articles.map((article) => (
                <li key={article.slug}>
                  <Anchor component={Link} to={helpdeskPaths.article(article.slug)} fw={article.slug === slug ? 700 : 500}>
                    {article.title}
                  </Anchor>
                  {debounced && (
                    <Text size="xs" c="dimmed">
                      {article.excerpt}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {slug === 'bericht' ? (
            <HelpdeskMessageForm />
          ) : slug ? (
            <ArticleView slug={slug} />
          ) : (
            <Paper withBorder p="lg" radius="md">
              <Text>{t('werkplek.helpdesk.intro')}</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
