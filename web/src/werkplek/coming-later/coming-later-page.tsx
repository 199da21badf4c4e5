import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { mayOpen, type WerkplekScreen, werkplekPaths } from '../navigation';

/**
 * A menu item whose screen is built in a later issue: a real page in the shell that says so in
 * words, instead of a blank page or a dead link.
 */
export function ComingLaterPage({ screen }: { screen: WerkplekScreen }) {
  const { t } = useTranslation();
  const title = t(`werkplek.nav.${screen}`);
  usePageTitle(title, 'werkplek');
  const session = useCurrentSession();

  return (
    <Stack gap="lg" maw={720}>
      <Group gap="sm" align="center">
        <Title order={1}>{title}</Title>
        <Badge variant="light" color="gray">
          {t('werkplek.comingLater.badge')}
        </Badge>
      </Group>
      <Text size="lg">{t(`werkplek.functions.${screen}`)}</Text>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm" align="flex-start">
          <Text>{t('werkplek.comingLater.text')}</Text>
          {screen === 'zioDashboard' && mayOpen('audit', session.navigation) && (
            <Text>
              {t('werkplek.comingLater.zioAudit')}{' '}
              <Anchor component={Link} to={werkplekPaths.audit}>
                {t('werkplek.comingLater.toAudit')}
              </Anchor>
            </Text>
          )}
          <Button component={Link} to={werkplekPaths.dashboard} variant="light">
            {t('werkplek.comingLater.back')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
