import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/use-page-title';
import { changePassword } from './auth-api';
import { PasswordForm, type PasswordFormValues } from './password-form';
import { refreshSession } from './session';

/**
 * "Nieuw wachtwoord kiezen": the only page while the server says `mustChangePassword` (first
 * login, migrated account). After saving, the session is read again and the guard lets the user on.
 */
export function NewPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.forcePasswordChange.title'), 'werkplek');
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (values: PasswordFormValues) => changePassword(values),
    onSuccess: () => refreshSession(queryClient),
  });

  return (
    <Container size="xs" px={0} py={{ base: 'md', sm: 'xl' }}>
      <Stack gap="md">
        <Title order={1}>{t('werkplek.forcePasswordChange.title')}</Title>
        <Text>{t('werkplek.forcePasswordChange.intro')}</Text>
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
          <PasswordForm
            askCurrent
            submitLabel={t('werkplek.forcePasswordChange.submit')}
            pending={change.isPending}
            error={change.error}
            onSubmit={(values) => change.mutate(values)}
          />
        </Paper>
      </Stack>
    </Container>
  );
}
