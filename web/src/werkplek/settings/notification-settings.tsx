import { Alert, Fieldset, Loader, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import { type MessageType, messageTypes, notificationSettingsQuery, useSaveNotificationSettings } from './settings-api';

const labelKeys = {
  referral: 'werkplek.settings.notifications.types.referral',
  message: 'werkplek.settings.notifications.types.message',
  consultation: 'werkplek.settings.notifications.types.consultation',
  result: 'werkplek.settings.notifications.types.result',
  'appointment-reminder': 'werkplek.settings.notifications.types.appointmentReminder',
} as const satisfies Record<MessageType, string>;

/** "Meldingen per e-mail": one switch per message type; every change is saved at once. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const query = useQuery(notificationSettingsQuery());
  const save = useSaveNotificationSettings();

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;

  // While saving, show the choice just made; on failure the stored choice comes back.
  const shown = save.isPending && save.variables ? save.variables.preferences : query.data.preferences;
  const sendEmail = (type: MessageType) => shown.find((preference) => preference.type === type)?.sendEmail ?? false;

  function toggle(type: MessageType, checked: boolean) {
    const preferences = messageTypes.map((each) => ({ type: each, sendEmail: each === type ? checked : sendEmail(each) }));
    save.mutate({ preferences });
  }

  return (
    <Stack gap="md">
      <Text>{t('werkplek.settings.notifications.intro')}</Text>
      <ProblemAlert error={save.error} />
      <Fieldset legend={t('werkplek.settings.notifications.groupLabel')} variant="unstyled">
        <Stack gap="md" mt="xs">
          {messageTypes.map((type) => (
            <Switch
              key={type}
              label={t(labelKeys[type])}
              checked={sendEmail(type)}
              onChange={(event) => toggle(type, event.currentTarget.checked)}
              disabled={save.isPending}
              size="md"
            />
          ))}
        </Stack>
      </Fieldset>
      <div role="status" aria-live="polite">
        {save.isSuccess && !save.isPending && (
          <Alert color="green" variant="light" py="xs">
            {t('werkplek.settings.notifications.saved')}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
