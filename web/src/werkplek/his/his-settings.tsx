import {
  Alert,
  Badge,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../api/client';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import {
  type HisAccount,
  type HisAccountLink,
  type HisSettings as HisSettingsData,
  type HisSigningSecret,
  hisSettingsQuery,
  useChangeHisPassword,
  useNewAccountLink,
  useNewSigningSecret,
} from './his-api';
import classes from './his-settings.module.css';

/** A value to paste into the HIS: shown as code, with a copy button. */
function CopyValue({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block style={{ flex: 1, minWidth: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'default'}
            size="compact-sm"
            onClick={copy}
            aria-label={t('werkplek.his.settings.copyLabel', { label })}
          >
            {copied ? t('werkplek.his.settings.copied') : t('werkplek.his.settings.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * The practice's HIS link (seed 000; docs/his-launch.md), for the praktijkbeheerder of a GP practice: the numbers and
 * addresses for TetraHIS and MiraHIS, the practice password, the signing secret for signed launches, and a personal
 * MiraHIS link per account. Secrets are shown once, right after they are made.
 */
export function HisSettings() {
  const { t } = useTranslation();
  const query = useQuery(hisSettingsQuery());

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) {
    if (isProblemError(query.error) && query.error.code === 'his-not-configured') {
      return (
        <Alert color="yellow" variant="light" title={query.error.title} styles={darkTitle}>
          {query.error.detail}
        </Alert>
      );
    }
    return <ProblemAlert error={query.error} />;
  }
  const settings = query.data;

  return (
    <Stack gap="xl">
      <Text>{t('werkplek.his.settings.intro', { practice: settings.practice.name })}</Text>
      <Section title={t('werkplek.his.settings.numbersTitle')}>
        <Text size="sm" c="dimmed">
          {t('werkplek.his.settings.numbersIntro')}
        </Text>
        <dl className={classes.list}>
          <NumberFact label={t('werkplek.his.settings.organisatienummer')} value={settings.organisatienummer} />
          <NumberFact label={t('werkplek.his.settings.praktijknummer')} value={settings.praktijknummer} />
          <div>
            <Text component="dt" size="sm" fw={600}>
              {t('werkplek.his.settings.launchUrl')}
            </Text>
            <Box component="dd" m={0} mt={4}>
              <CopyValue value={settings.launchUrl} label={t('werkplek.his.settings.launchUrl')} />
            </Box>
          </div>
          <div>
            <Text component="dt" size="sm" fw={600}>
              {t('werkplek.his.settings.signedLaunchUrl')}
            </Text>
            <Box component="dd" m={0} mt={4}>
              <CopyValue value={settings.signedLaunchUrl} label={t('werkplek.his.settings.signedLaunchUrl')} />
            </Box>
          </div>
        </dl>
      </Section>
      <PracticePassword settings={settings} />
      <SigningSecret settings={settings} />
      <AccountLinks accounts={settings.accounts} />
    </Stack>
  );
}

// Yellow title text on a light yellow background is unreadable (WCAG contrast): use the text colour.
const darkTitle = { title: { color: 'var(--mantine-color-text)' } };

function NumberFact({ label, value }: { label: string; value: number | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {value ?? t('werkplek.his.settings.notAssigned')}
      </Text>
    </div>
  );
}

function PracticePassword({ settings }: { settings: HisSettingsData }) {
  const { t } = useTranslation();
  const change = useChangeHisPassword();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (value === '') {
      setError(t('werkplek.password.newRequired'));
      return;
    }
    setError(undefined);
    change.mutate(value, { onSuccess: () => setValue('') });
  }

  return (
    <Section title={t('werkplek.his.settings.passwordTitle')}>
      <Text size="sm">
        {settings.passwordSet && settings.passwordChangedAt
          ? t('werkplek.his.settings.passwordSetSince', { date: formatDate(settings.passwordChangedAt) })
          : t('werkplek.his.settings.passwordNotSet')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          {change.isSuccess && (
            <Alert
              color="green"
              variant="light"
              role="status"
              title={t('werkplek.his.settings.passwordSaved')}
              styles={darkTitle}
            >
              {t('werkplek.his.settings.passwordSavedText')}
            </Alert>
          )}
          <ProblemAlert error={change.error} shownFields={['newPassword']} />
          <PasswordInput
            label={t('werkplek.his.settings.newPassword')}
            description={t('werkplek.his.settings.passwordRules')}
            autoComplete="new-password"
            withAsterisk
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={error ?? (isProblemError(change.error) ? change.error.fieldError('newPassword') : undefined)}
            visibilityToggleButtonProps={{ 'aria-label': t('werkplek.password.show') }}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('werkplek.his.settings.savePassword')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

/** A secret shown once, in a dialog that says so. */
function ShownOnce({
  opened,
  title,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      <Stack gap="md">
        <Alert color="yellow" variant="light" styles={darkTitle} title={t('werkplek.his.settings.onceTitle')}>
          {t('werkplek.his.settings.once')}
        </Alert>
        {children}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('werkplek.his.settings.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SigningSecret({ settings }: { settings: HisSettingsData }) {
  const { t } = useTranslation();
  const make = useNewSigningSecret();
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<HisSigningSecret | null>(null);

  return (
    <Section title={t('werkplek.his.settings.secretTitle')}>
      <Group gap="xs">
        <Badge variant="light" color="keten">
          {t('werkplek.his.settings.recommended')}
        </Badge>
      </Group>
      <Text size="sm">{t('werkplek.his.settings.secretIntro')}</Text>
      <Text size="sm">
        {settings.signingSecretSet && settings.signingSecretCreatedAt
          ? t('werkplek.his.settings.secretSetSince', { date: formatDate(settings.signingSecretCreatedAt) })
          : t('werkplek.his.settings.secretNotSet')}
      </Text>
      <ProblemAlert error={make.error} />
      <Button variant="default" onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>
        {t('werkplek.his.settings.newSecret')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('werkplek.his.settings.newSecret')} centered>
        <Stack gap="md">
          <Text>
            {settings.signingSecretSet ? t('werkplek.his.settings.replaceSecret') : t('werkplek.his.settings.makeSecret')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('werkplek.settings.deregister.cancel')}
            </Button>
            <Button
              loading={make.isPending}
              onClick={() =>
                make.mutate(undefined, {
                  onSuccess: (secret) => {
                    setConfirming(false);
                    setShown(secret);
                  },
                })
              }
            >
              {t('werkplek.his.settings.make')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ShownOnce opened={shown !== null} title={t('werkplek.his.settings.secretTitle')} onClose={() => setShown(null)}>
        {shown && <CopyValue value={shown.signingSecret} label={t('werkplek.his.settings.secretTitle')} />}
      </ShownOnce>
    </Section>
  );
}

function AccountLinks({ accounts }: { accounts: HisAccount[] }) {
  const { t } = useTranslation();
  const make = useNewAccountLink();
  const [shown, setShown] = useState<HisAccountLink | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  return (
    <Section title={t('werkplek.his.settings.linksTitle')}>
      <Text size="sm">{t('werkplek.his.settings.linksIntro')}</Text>
      <ProblemAlert error={make.error} />
      <Box style={{ overflowX: 'auto' }}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Caption className={classes.caption}>{t('werkplek.his.settings.linksCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('werkplek.his.settings.user')}</Table.Th>
              <Table.Th scope="col">{t('werkplek.settings.account.role')}</Table.Th>
              <Table.Th scope="col">{t('werkplek.settings.account.gebruikersnummer')}</Table.Th>
              <Table.Th scope="col">{t('werkplek.his.settings.linkMade')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((account) => (
              <Table.Tr key={account.id}>
                <Table.Td>
                  <Text inherit fw={600}>
                    {account.name}
                  </Text>
                  <Text inherit c="dimmed">
                    {account.username}
                  </Text>
                </Table.Td>
                <Table.Td>{account.roleName}</Table.Td>
                <Table.Td>{account.gebruikersnummer}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text inherit>
                      {account.linkCreatedAt ? formatDateTime(account.linkCreatedAt) : t('werkplek.his.settings.noLink')}
                    </Text>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={make.isPending && pending === account.id}
                      aria-label={t('werkplek.his.settings.newLinkFor', { name: account.name })}
                      onClick={() => {
                        setPending(account.id);
                        make.mutate(account.id, { onSuccess: (link) => setShown(link) });
                      }}
                    >
                      {t('werkplek.his.settings.newLink')}
                    </Button>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <ShownOnce
        opened={shown !== null}
        title={t('werkplek.his.settings.linkFor', { username: shown?.username ?? '' })}
        onClose={() => setShown(null)}
      >
        {shown && (
          <>
            <Text size="sm">{t('werkplek.his.settings.linkHowTo')}</Text>
            <CopyValue value={shown.link} label={t('werkplek.his.settings.linksTitle')} />
          </>
        )}
      </ShownOnce>
    </Section>
  );
}
