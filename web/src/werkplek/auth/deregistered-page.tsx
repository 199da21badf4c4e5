import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';

/** After "Account afmelden": logged out for good; says what happened and whom to ask. */
export function DeregisteredPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.deregistered.title'), 'werkplek');
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('werkplek.deregistered.title')}</Title>
        <Text>{t('werkplek.deregistered.text')}</Text>
        <Text>{t('werkplek.deregistered.help')}</Text>
        <Button component={Link} to="/">
          {t('werkplek.deregistered.toStart')}
        </Button>
      </Stack>
    </Container>
  );
}
