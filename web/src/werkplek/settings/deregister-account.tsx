import { Button, Checkbox, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/problem-alert';
import type { Session } from '../auth/auth-api';
import { endSession } from '../auth/session';
import { deregisterAccount } from './settings-api';

/**
 * "Account afmelden" (seed 001 §3.8: when you stop working there). Explains what happens and asks
 * for an explicit "Ik begrijp…" before the account is deactivated; then the user is logged out.
 */
export function DeregisterAccount({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const deregister = useMutation({
    mutationFn: () => deregisterAccount(),
    onSuccess: () => endSession(queryClient, 'deregistered'),
  });

  function close() {
    setOpened(false);
    setUnderstood(false);
    deregister.reset();
  }

  return (
    <Stack gap="md" maw={720} align="flex-start">
      <Text>{t('werkplek.settings.deregister.intro', { organisation: session.account.organisation.name })}</Text>
      <Title order={3} size="h4">
        {t('werkplek.settings.deregister.consequencesTitle')}
      </Title>
      <List spacing="xs">
        <List.Item>{t('werkplek.settings.deregister.consequenceLogin')}</List.Item>
        <List.Item>{t('werkplek.settings.deregister.consequenceData')}</List.Item>
        <List.Item>{t('werkplek.settings.deregister.consequenceLog')}</List.Item>
        <List.Item>{t('werkplek.settings.deregister.consequenceUndo')}</List.Item>
      </List>
      <Button color="red.9" onClick={() => setOpened(true)}>
        {t('werkplek.settings.deregister.button')}
      </Button>

      <Modal opened={opened} onClose={close} title={t('werkplek.settings.deregister.modalTitle')} centered>
        <Stack gap="md">
          <Text>{t('werkplek.settings.deregister.consequenceLogin')}</Text>
          <ProblemAlert error={deregister.error} />
          <Checkbox
            label={t('werkplek.settings.deregister.confirm')}
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('werkplek.settings.deregister.cancel')}
            </Button>
            <Button color="red.9" disabled={!understood} loading={deregister.isPending} onClick={() => deregister.mutate()}>
              {t('werkplek.settings.deregister.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
