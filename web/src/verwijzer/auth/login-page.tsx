import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardIcon } from '../../ui/icons';
import { LoginPanel } from '../../ui/login-panel';
import { usePageTitle } from '../../ui/use-page-title';

// The server asks the browser for the UZI client certificate on this URL (product.md §5, seed 004).
export const uziLoginUrl = '/api/verwijzer/auth/login';

const whatItems = ['general', 'reports', 'medication', 'results'] as const;

/** Verwijzersportaal login with UZI-pas / Zorg-ID; explains that only consented patients are visible. */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('verwijzer.login.title'), 'verwijzer');

  return (
    <LoginPanel
      title={t('verwijzer.login.title')}
      intro={t('verwijzer.login.intro')}
      aside={
        <>
          <Title order={2} size="h3">
            {t('verwijzer.login.whatTitle')}
          </Title>
          <Text>{t('verwijzer.login.what')}</Text>
          <List spacing="xs">
            {whatItems.map((item) => (
              <List.Item key={item}>{t(`verwijzer.login.whatItems.${item}`)}</List.Item>
            ))}
          </List>
        </>
      }
    >
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('verwijzer.login.howTitle')}
        </Title>
        <Text>{t('verwijzer.login.how')}</Text>
        <Button component="a" href={uziLoginUrl} size="md" fullWidth leftSection={<CardIcon />}>
          {t('verwijzer.login.submit')}
        </Button>
      </Stack>
    </LoginPanel>
  );
}
