import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { useCurrentSession } from '../auth/session-context';
import { useLogout } from '../auth/session-watch';
import { mayOpen, werkplekPaths } from '../navigation';
import type { PatientAddLocationState } from '../patients/patient-add-page';
import { patientPath } from '../patients/patient-paths';
import { continueHisLaunch } from './his-api';

const tokenShape = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Where the HIS launch lands after the server checked the practice (seed 000 step 8; docs/his-launch.md):
 * `/werkplek/his?launch=<token>`. The route guard has made the user log in normally first; this page continues
 * the launch as that account and opens the patient's card, or "Patiënt toevoegen" prefilled from the HIS.
 */
export function HisLaunchPage() {
  const { t } = useTranslation();
  usePageTitle(t('werkplek.his.launch.title'), 'werkplek');
  const [params] = useSearchParams();
  const token = params.get('launch') ?? '';
  const valid = tokenShape.test(token);
  const navigate = useNavigate();
  const session = useCurrentSession();
  const logout = useLogout();
  const started = useRef(false);
  const launch = useMutation({ mutationFn: () => continueHisLaunch(token) });
  const mayAdd = mayOpen('patientAdd', session.navigation);

  useEffect(() => {
    // Once: a launch works only once, also when React renders the page twice.
    if (!valid || started.current) return;
    started.current = true;
    launch.mutate(undefined, {
      onSuccess: (answer) => {
        if (answer.action === 'open-patient') void navigate(patientPath(answer.patientId), { replace: true });
        else if (answer.action === 'add-patient' && mayAdd) {
          const state: PatientAddLocationState = { prefill: answer.prefill };
          void navigate(werkplekPaths.patientAdd, { replace: true, state });
        } else if (answer.action === 'dashboard') void navigate(werkplekPaths.dashboard, { replace: true });
      },
    });
  }, [valid, launch, navigate, mayAdd]);

  const otherUser = isProblemError(launch.error) && launch.error.code === 'his-launch-other-user';
  const unknownPatientNoAdd = launch.data?.action === 'add-patient' && !mayAdd;

  if (valid && !launch.error && !unknownPatientNoAdd) {
    return (
      <Center py="xl" mih="40vh">
        <Stack align="center" gap="sm">
          <Loader aria-label={t('werkplek.his.launch.opening')} />
          <Text role="status">{t('werkplek.his.launch.opening')}</Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('werkplek.his.launch.title')}</Title>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="md" align="flex-start">
          {!valid ? (
            <Text>{t('werkplek.his.launch.invalidLink')}</Text>
          ) : unknownPatientNoAdd ? (
            <Text>{t('werkplek.his.launch.unknownPatient')}</Text>
          ) : (
            <>
              <ProblemAlert error={launch.error} />
              {!otherUser && <Text size="sm">{t('werkplek.his.launch.again')}</Text>}
            </>
          )}
          <Group gap="sm">
            {otherUser && (
              <Button onClick={() => logout.mutate()} loading={logout.isPending}>
                {t('werkplek.shell.logout')}
              </Button>
            )}
            <Button component={Link} to={werkplekPaths.patientSearch} variant={otherUser ? 'default' : 'filled'}>
              {t('werkplek.his.launch.toSearch')}
            </Button>
            <Button component={Link} to={werkplekPaths.dashboard} variant="default">
              {t('werkplek.comingLater.back')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
