import { DataList, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../auth/auth-api';
import { NotPersonalBadge } from '../werkplek-shell';

/** "Accountgegevens": what Keten knows about this account (read only; the administrator changes it). */
export function AccountDetails({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { account } = session;
  // Label above value on phones, so a long e-mail address never pushes the page sideways.
  const wide = useMediaQuery('(min-width: 36em)');
  const kind: ReactNode = account.personal ? (
    t('werkplek.settings.account.personal')
  ) : (
    <Stack gap={4} align="flex-start">
      <NotPersonalBadge />
      <Text size="sm">{t('werkplek.shell.notPersonalHint')}</Text>
    </Stack>
  );
  const rows: { label: string; value: ReactNode }[] = [
    { label: t('werkplek.settings.account.name'), value: account.name },
    { label: t('werkplek.settings.account.username'), value: account.username },
    { label: t('werkplek.settings.account.gebruikersnummer'), value: String(account.gebruikersnummer) },
    { label: t('werkplek.settings.account.role'), value: account.roleName },
    { label: t('werkplek.settings.account.organisation'), value: account.organisation.name },
    { label: t('werkplek.settings.account.email'), value: account.email },
    { label: t('werkplek.settings.account.kind'), value: kind },
  ];
  return (
    <Stack gap="md">
      <DataList withDivider labelWidth="11rem" orientation={wide ? 'horizontal' : 'vertical'}>
        {rows.map(({ label, value }) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Text size="sm" c="dimmed">
        {t('werkplek.settings.account.hint')}
      </Text>
    </Stack>
  );
}
