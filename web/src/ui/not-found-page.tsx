import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Face } from '../i18n';
import { usePageTitle } from './use-page-title';

/** Friendly page for an address that does not exist; within a face it links to that face's start. */
export function NotFoundPage({ face, homePath = '/' }: { face?: Face; homePath?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'), face);
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Text c="dimmed" fw={700} size="xl" aria-hidden="true">
          404
        </Text>
        <Title order={1}>{t('notFound.title')}</Title>
        <Text>{t('notFound.text')}</Text>
        <Button component={Link} to={homePath}>
          {t('notFound.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}
