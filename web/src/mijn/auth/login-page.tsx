import { Button, Divider, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ShieldIcon } from '../../ui/icons';
import { LoginPanel } from '../../ui/login-panel';
import { usePageTitle } from '../../ui/use-page-title';

// National login means, each an OpenID Connect provider behind the server (product.md §4, §7).
// The buttons are plain links: the server starts the OIDC flow and redirects.
export type LoginProvider = 'digid' | 'itsme' | 'eid';

export function loginUrl(provider: LoginProvider): string {
  return `/api/mijn/auth/login?provider=${provider}`;
}

/** Mijn Keten login: DigiD (NL), itsme and eID (BE). */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('mijn.login.title'), 'mijn');

  return (
    <LoginPanel
      title={t('mijn.login.title')}
      intro={t('mijn.login.intro')}
      aside={
        <>
          <Title order={2} size="h3">
            {t('mijn.login.canDoTitle')}
          </Title>
          <List spacing="sm">
            <List.Item>{t('mijn.login.canDoRecord')}</List.Item>
            <List.Item>{t('mijn.login.canDoAppointments')}</List.Item>
            <List.Item>{t('mijn.login.canDoAccess')}</List.Item>
          </List>
          <Text size="sm" c="dimmed" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <ShieldIcon size={18} />
            {t('mijn.login.privacy')}
          </Text>
        </>
      }
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('mijn.login.chooseMethod')}
        </Title>
        <Button component="a" href={loginUrl('digid')} size="md" fullWidth>
          {t('mijn.login.digid')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('mijn.login.digidHint')}
        </Text>
        <Divider my="xs" />
        <Button component="a" href={loginUrl('itsme')} size="md" variant="outline" fullWidth>
          {t('mijn.login.itsme')}
        </Button>
        <Button component="a" href={loginUrl('eid')} size="md" variant="outline" fullWidth>
          {t('mijn.login.eid')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('mijn.login.belgiumHint')}
        </Text>
      </Stack>
    </LoginPanel>
  );
}
