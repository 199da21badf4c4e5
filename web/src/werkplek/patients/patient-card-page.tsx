import { Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { isProblemError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { mayOpen, werkplekPaths } from '../navigation';
import { InfoPanel } from './info-panel';
import { patientName } from './patient-format';
import { patientPath } from './patient-paths';
import { type PatientCard, patientCardQuery } from './patients-api';
import { ActivitiesTab } from './record/activities/activities-tab';
import { DayCurvesTab } from './record/day-curves/day-curves-tab';
import { HistoryTab } from './record/history/history-tab';
import { MemosTab } from './record/memos-tab';
import { MonitoringTab } from './record/monitoring/monitoring-tab';
import { PersonaliaTab } from './record/personalia-tab';
import type { TransferIdentity } from './record/record-api';
import { TeamTab } from './record/team-tab';
import { type FoundPatient, TransferFlow } from './record/transfer-flow';
import { mayTransfer, TransferPanel } from './record/transfer-panel';
import { type RecordTab, recordTabFromSlug, recordTabSlug, recordTabs } from './record-tabs';
import { RelationshipConfirm } from './relationship-confirm';

/** What the search hands to the record. */
export interface PatientLocationState {
  /** Where "Annuleren" and "Terug naar zoeken" go: the search the user came from. */
  fromSearch?: string;
  /**
   * Found by BSN and birth date (scope `any-patient`): who the search showed and the identity searched with, for
   * Overschrijven (seed 001 §7.1) when the record itself is out of reach.
   */
  exact?: { identity: TransferIdentity; patient: FoundPatient };
}

function backToSearch(state: unknown): string {
  const from = (state as PatientLocationState | null)?.fromSearch;
  return from?.startsWith(`${werkplekPaths.patientSearch}?`) ? from : werkplekPaths.patientSearch;
}

/**
 * A patient's record (seed 001 §5): first, once per account, the treatment relationship to confirm; then
 * the Infopaneel and the tabs.
 */
export function PatientCardPage() {
  const { t } = useTranslation();
  const { patientId = '', tab: slug } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = recordTabFromSlug(slug);
  const validId = /^\d{1,18}$/.test(patientId);
  const query = useQuery({ ...patientCardQuery(patientId), enabled: validId });
  const searchPath = backToSearch(location.state);
  const exact = (location.state as PatientLocationState | null)?.exact;
  const session = useCurrentSession();
  const gpPractice = session.account.organisation.type === 'gp-practice' && mayOpen('patientAdd', session.navigation);

  if (!validId) return <RecordNotFound searchPath={searchPath} />;
  if (!tab) return <Navigate to={patientPath(patientId)} replace state={location.state} />;
  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) {
    if (isProblemError(query.error) && query.error.status === 404) {
      // A patient of another practice, found by BSN and birth date: the new practice takes the patient over.
      if (exact && exact.patient.id === patientId && gpPractice) {
        return (
          <TransferFlow
            patient={exact.patient}
            identity={exact.identity}
            onCancel={() => void navigate(searchPath)}
            onDone={() => {
              void navigate(patientPath(patientId), { replace: true, state: { fromSearch: searchPath } });
              void query.refetch();
            }}
          />
        );
      }
      // A chain partner may refer the patient to itself by confirming the relationship (seed 001 §7.4).
      if (exact && exact.patient.id === patientId && session.account.organisation.type !== 'gp-practice') {
        return (
          <RelationshipConfirm
            patient={exact.patient}
            selfReferral={{ identity: exact.identity, organisationName: session.account.organisation.name }}
            onCancel={() => void navigate(searchPath)}
          />
        );
      }
      return <RecordNotFound searchPath={searchPath} notReferred={exact?.patient.id === patientId} />;
    }
    return (
      <Stack gap="md" maw={760}>
        <Title order={1}>{t('werkplek.patients.card.errorTitle')}</Title>
        <ProblemAlert error={query.error} />
        <Button variant="default" onClick={() => void query.refetch()} style={{ alignSelf: 'flex-start' }}>
          {t('werkplek.shell.retry')}
        </Button>
      </Stack>
    );
  }
  const data = query.data;
  if (data.status === 'confirm-relationship') {
    return <RelationshipConfirm patient={data} onCancel={() => void navigate(searchPath)} />;
  }
  return <PatientRecord card={data.card} tab={tab} searchPath={searchPath} />;
}

function RecordNotFound({ searchPath, notReferred = false }: { searchPath: string; notReferred?: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.patients.card.notFoundTitle'), 'werkplek');
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>
        {notReferred ? t('werkplek.patients.card.notReferredTitle') : t('werkplek.patients.card.notFoundTitle')}
      </Title>
      <Text>{notReferred ? t('werkplek.patients.card.notReferred') : t('werkplek.patients.card.notFound')}</Text>
      <Button component={Link} to={searchPath} variant="light" style={{ alignSelf: 'flex-start' }}>
        {t('werkplek.patients.card.backToSearch')}
      </Button>
    </Stack>
  );
}

function PatientRecord({ card, tab, searchPath }: { card: PatientCard; tab: RecordTab; searchPath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useCurrentSession();
  // Phones: the seven tabs wrap; pills read better than a broken underline.
  const narrow = useMediaQuery('(max-width: 48em)');
  usePageTitle(`${t(`werkplek.patients.tabs.${tab}`)} · ${patientName(card)}`, 'werkplek');

  return (
    <Stack gap="lg" maw={1200}>
      <Group gap="xs">
        <Button component={Link} to={searchPath} variant="subtle" size="compact-sm" px={4}>
          {t('werkplek.patients.card.backToSearch')}
        </Button>
      </Group>
      <InfoPanel card={card} />
      {mayTransfer(session, card) && <TransferPanel card={card} />}
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = recordTabs.find((each) => each === value);
          if (next) void navigate(patientPath(card.id, recordTabSlug(next)), { replace: true, state: location.state });
        }}
        keepMounted={false}
        variant={narrow ? 'pills' : 'default'}
      >
        <Tabs.List aria-label={t('werkplek.patients.tabs.label')}>
          {/* Dagcurves only when DM2 is recorded for the patient (seed 001 §5.5). */}
          {recordTabs
            .filter((value) => value !== 'dayCurves' || card.dayCurvesAvailable)
            .map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`werkplek.patients.tabs.${value}`)}
              </Tabs.Tab>
            ))}
        </Tabs.List>
        {recordTabs.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <RecordTabPanel tab={value} card={card} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function RecordTabPanel({ tab, card }: { tab: RecordTab; card: PatientCard }) {
  switch (tab) {
    case 'activities':
      return <ActivitiesTab patientId={card.id} />;
    case 'monitoring':
      return <MonitoringTab patientId={card.id} />;
    case 'history':
      return <HistoryTab patientId={card.id} />;
    case 'dayCurves':
      return <DayCurvesTab patientId={card.id} />;
    case 'team':
      return <TeamTab patientId={card.id} />;
    case 'memos':
      return <MemosTab patientId={card.id} />;
    case 'personalia':
      return <PersonaliaTab patientId={card.id} />;
  }
}
