import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, parseDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { werkplekPaths } from '../navigation';
import {
  billableQuery,
  createInvoice,
  downloadDeclaration,
  downloadInvoicePdf,
  formatEuro,
  invoicesQuery,
  type Period,
  saveFile,
} from './zio-api';

function defaultPeriod(): { from: string; to: string } {
  const today = new Date();
  return { from: formatDate(new Date(today.getFullYear(), 0, 1)), to: formatDate(today) };
}

/** The period fields (dd-mm-jjjj) and a button; answers the period as ISO dates. */
function PeriodForm({ submitLabel, onPeriod }: { submitLabel: string; onPeriod(period: Period): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(defaultPeriod);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = parseDate(values.from);
    const to = parseDate(values.to);
    const next: { from?: string; to?: string } = {};
    if (!from) next.from = t('werkplek.zio.invalidDate');
    if (!to) next.to = t('werkplek.zio.invalidDate');
    if (from && to && to < from) next.to = t('werkplek.zio.periodOrder');
    setErrors(next);
    if (from && to && !next.from && !next.to) onPeriod({ from, to });
  }

  const field = (name: 'from' | 'to') => ({
    name,
    value: values[name],
    error: errors[name],
    placeholder: t('werkplek.zio.datePlaceholder'),
    autoComplete: 'off',
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-end" gap="md">
        <TextInput label={t('werkplek.zio.from')} {...field('from')} />
        <TextInput label={t('werkplek.zio.to')} {...field('to')} />
        <Button type="submit">{submitLabel}</Button>
      </Group>
    </form>
  );
}

function InvoicesTab() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const invoices = useQuery(invoicesQuery());
  const [period, setPeriod] = useState<Period | null>(null);
  const billable = useQuery({ ...billableQuery(period ?? { from: '', to: '' }), enabled: period !== null });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: createInvoice,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['zio'] });
    },
  });
  const euro = (cents: number) => formatEuro(cents, i18n.language);

  async function pdf(invoiceId: string, number: string) {
    setDownloadError(null);
    try {
      const file = await downloadInvoicePdf(invoiceId);
      saveFile(file.blob, file.filename ?? `factuur-${number}.pdf`);
    } catch (error) {
      setDownloadError(error);
    }
  }

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('werkplek.zio.newInvoice')}
          </Title>
          <Text c="dimmed">{t('werkplek.zio.newInvoiceIntro')}</Text>
          <PeriodForm
            submitLabel={t('werkplek.zio.showBillable')}
            onPeriod={(next) => {
              create.reset();
              setPeriod(next);
            }}
          />
          {billable.isFetching && <Loader size="sm" aria-label={t('werkplek.zio.loading')} />}
          <ProblemAlert error={billable.error} />
          {period && billable.data && (
            <Stack gap="sm">
              {billable.data.activities.length === 0 ? (
                <Text>{t('werkplek.zio.nothingBillable')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table striped aria-label={t('werkplek.zio.billableTable')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('werkplek.zio.date')}</Table.Th>
                        <Table.Th>{t('werkplek.zio.patient')}</Table.Th>
                        <Table.Th>{t('werkplek.zio.birthDate')}</Table.Th>
                        <Table.Th>{t('werkplek.zio.bsn')}</Table.Th>
                        <Table.Th>{t('werkplek.zio.code')}</Table.Th>
                        <Table.Th>{t('werkplek.zio.description')}</Table.Th>
                        <Table.Th ta="right">{t('werkplek.zio.amount')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {billable.data.activities.map((activity) => (
                        <Table.Tr key={activity.entryId}>
                          <Table.Td>{formatDate(activity.performedOn)}</Table.Td>
                          <Table.Td>{activity.patient.name}</Table.Td>
                          <Table.Td>{formatDate(activity.patient.birthDate)}</Table.Td>
                          <Table.Td>{activity.patient.bsnMasked ?? '—'}</Table.Td>
                          <Table.Td>{activity.performanceCode}</Table.Td>
                          <Table.Td>
                            {i18n.language.startsWith('en') ? activity.description.en : activity.description.nl}
                          </Table.Td>
                          <Table.Td ta="right">{euro(activity.amountCents)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr>
                        <Table.Th colSpan={6}>{t('werkplek.zio.total')}</Table.Th>
                        <Table.Th ta="right">{euro(billable.data.totalCents)}</Table.Th>
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </Table.ScrollContainer>
              )}
              {billable.data.activities.length > 0 && (
                <Group>
                  <Button loading={create.isPending} onClick={() => create.mutate(period)}>
                    {t('werkplek.zio.createInvoice')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
          {create.data && (
            <Alert color="green" title={t('werkplek.zio.created', { number: create.data.number })}>
              {t('werkplek.zio.createdDetail', { count: create.data.lineCount, total: euro(create.data.totalCents) })}
            </Alert>
          )}
          <ProblemAlert error={create.error} />
        </Stack>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('werkplek.zio.invoices')}
        </Title>
        <ProblemAlert error={invoices.error ?? downloadError} />
        {invoices.isPending && <Loader size="sm" aria-label={t('werkplek.zio.loading')} />}
        {invoices.data && invoices.data.invoices.length === 0 && <Text>{t('werkplek.zio.noInvoices')}</Text>}
        {invoices.data && invoices.data.invoices.length > 0 && (
          <Table.ScrollContainer minWidth={600}>
            <Table striped aria-label={t('werkplek.zio.invoicesTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('werkplek.zio.number')}</Table.Th>
                  <Table.Th>{t('werkplek.zio.period')}</Table.Th>
                  <Table.Th>{t('werkplek.zio.createdAt')}</Table.Th>
                  <Table.Th ta="right">{t('werkplek.zio.amount')}</Table.Th>
                  <Table.Th>{t('werkplek.zio.pdf')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invoices.data.invoices.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>{invoice.number}</Table.Td>
                    <Table.Td>
                      {formatDate(invoice.periodFrom)} – {formatDate(invoice.periodTo)}
                    </Table.Td>
                    <Table.Td>{formatDateTime(invoice.createdAt)}</Table.Td>
                    <Table.Td ta="right">{euro(invoice.totalCents)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => pdf(invoice.id, invoice.number)}>
                        {t('werkplek.zio.downloadPdf', { number: invoice.number })}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}

function DeclarationsTab() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function exportPeriod(period: Period) {
    setBusy(true);
    setError(null);
    try {
      const file = await downloadDeclaration(period);
      saveFile(file.blob, file.filename ?? `declaratie-${period.from}-${period.to}.csv`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Text>{t('werkplek.zio.declarationIntro')}</Text>
        <PeriodForm submitLabel={t('werkplek.zio.exportDeclaration')} onPeriod={exportPeriod} />
        {busy && <Loader size="sm" aria-label={t('werkplek.zio.loading')} />}
        <ProblemAlert error={error} />
      </Stack>
    </Paper>
  );
}

/** ZIO dashboard (seed 001 §3.1.1): invoices and declarations, and for GP practices the audit items. */
export function ZioDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.zio.title'), 'werkplek');
  const session = useCurrentSession();
  const practiceAudit = session.navigation.includes('audit-practice');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('werkplek.zio.title')}</Title>
        <Text c="dimmed">{t('werkplek.zio.intro')}</Text>
      </Stack>
      <Tabs defaultValue="invoices" keepMounted={false}>
        <Tabs.List aria-label={t('werkplek.zio.tabsLabel')}>
          <Tabs.Tab value="invoices">{t('werkplek.zio.tabInvoices')}</Tabs.Tab>
          <Tabs.Tab value="declarations">{t('werkplek.zio.tabDeclarations')}</Tabs.Tab>
          {practiceAudit && <Tabs.Tab value="audit">{t('werkplek.zio.tabAudit')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="invoices" pt="lg">
          <InvoicesTab />
        </Tabs.Panel>
        <Tabs.Panel value="declarations" pt="lg">
          <DeclarationsTab />
        </Tabs.Panel>
        {practiceAudit && (
          <Tabs.Panel value="audit" pt="lg">
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="sm" align="flex-start">
                <Text>{t('werkplek.zio.auditIntro')}</Text>
                <Anchor component={Link} to={werkplekPaths.audit}>
                  {t('werkplek.zio.toAudit')}
                </Anchor>
              </Stack>
            </Paper>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
