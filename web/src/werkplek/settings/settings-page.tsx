import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { HisSettings } from '../his/his-settings';
import { werkplekPaths } from '../navigation';
import { AccountDetails } from './account-details';
import { ChangePassword } from './change-password';
import { DeregisterAccount } from './deregister-account';
import { NotificationSettings } from './notification-settings';
import { type SettingsTab, settingsTabFromSlug, settingsTabPath, settingsTabsFor } from './settings-tabs';
import { TermsOfUse } from './terms-of-use';

/**
 * Instellingen (seed 001 §3.8): account data, change password, email notifications, terms of use,
 * deregister. One tab per part; each has its own address.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { tab: slug } = useParams();
  const tabs = settingsTabsFor(session);
  const found = settingsTabFromSlug(slug);
  const tab = found && tabs.includes(found) ? found : undefined;
  const wide = useMediaQuery('(min-width: 62em)');
  usePageTitle(
    tab ? `${t(`werkplek.settings.tabs.${tab}`)} · ${t('werkplek.settings.title')}` : t('werkplek.settings.title'),
    'werkplek',
  );

  if (!tab) return <Navigate to={werkplekPaths.settings} replace />;

  const panel = (value: SettingsTab) => {
    switch (value) {
      case 'account':
        return <AccountDetails session={session} />;
      case 'password':
        return <ChangePassword />;
      case 'notifications':
        return <NotificationSettings />;
      case 'terms':
        return <TermsOfUse accepted={session.termsAccepted} />;
      case 'his':
        return <HisSettings />;
      case 'deregister':
        return <DeregisterAccount session={session} />;
    }
  };

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('werkplek.settings.title')}</Title>
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = tabs.find((each) => each === value);
          if (next) void navigate(settingsTabPath(next));
        }}
        orientation={wide ? 'vertical' : 'horizontal'}
        keepMounted={false}
        variant="pills"
        styles={wide ? { tabLabel: { textAlign: 'left' } } : undefined}
      >
        <Tabs.List
          aria-label={t('werkplek.settings.tabsLabel')}
          mb={wide ? 0 : 'md'}
          mr={wide ? 'lg' : 0}
          miw={wide ? 220 : undefined}
        >
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`werkplek.settings.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((value) => (
          <Tabs.Panel key={value} value={value} style={{ flex: 1, minWidth: 0 }}>
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t(`werkplek.settings.tabs.${value}`)}
                </Title>
                {panel(value)}
              </Stack>
            </Paper>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
