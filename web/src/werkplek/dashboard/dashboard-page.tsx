import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { availableScreens, comingLaterScreens, type WerkplekScreen, werkplekPaths } from '../navigation';
import { settingsTabPath } from '../settings/settings-tabs';
import classes from './dashboard.module.css';

// Yellow title text on a light yellow background is unreadable (WCAG contrast): use the text colour.
const darkTitle = { title: { color: 'var(--mantine-color-text)' } };

/** The start page after login (seed 001 §3.1): who you are, and a tile per function your role has. */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.dashboard.title'), 'werkplek');
  const session = useCurrentSession();
  const screens: WerkplekScreen[] = [...availableScreens(session.navigation).filter((screen) => screen !== 'dashboard')];
  if (session.navigation.includes('settings')) screens.push('settings');

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.dashboard.welcome', { name: session.account.name })}</Title>
        <Text c="dimmed">
          {t('werkplek.dashboard.roleAt', { role: session.account.roleName, organisation: session.account.organisation.name })}
        </Text>
      </Stack>

      {!session.account.personal && (
        <Alert color="yellow" variant="light" title={t('werkplek.shell.notPersonal')} styles={darkTitle}>
          {t('werkplek.dashboard.notPersonalText')}
        </Alert>
      )}
      {!session.termsAccepted && session.navigation.includes('settings') && (
        <Alert color="keten" variant="light" title={t('werkplek.dashboard.termsTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('werkplek.dashboard.termsText')}</Text>
            <Anchor component={Link} to={settingsTabPath('terms')} size="sm" fw={600}>
              {t('werkplek.dashboard.termsLink')}
            </Anchor>
          </Stack>
        </Alert>
      )}

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('werkplek.dashboard.functionsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {screens.map((screen) => (
            <Card key={screen} withBorder radius="md" padding="lg" className={classes.tile}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Title order={3} size="h4">
                  <Link to={werkplekPaths[screen]} className={classes.tileLink}>
                    {t(`werkplek.nav.${screen}`)}
                  </Link>
                </Title>
                {comingLaterScreens.includes(screen) && (
                  <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                    {t('werkplek.comingLater.badge')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed" mt="xs">
                {t(`werkplek.functions.${screen}`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
