import {
  emptyResponse,
  type FormDefinition,
  type FormProblem,
  type Language,
  type LocalText,
  problemMessage,
  validateResponse,
} from '@keten/forms';
import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { type FieldError, isProblemError } from '../../api/client';
import { formatDate, formatTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePageTitle } from '../../ui/use-page-title';
import { patientName } from '../patients/patient-format';
import { patientPath } from '../patients/patient-paths';
import { patientCardQuery } from '../patients/patients-api';
import { type ReferralChoice, ReferralFields, referralBody } from '../referrals/referral-fields';
import { useFormLanguage } from './form-language';
import { focusQuestion, QuestionnaireForm } from './questionnaire-form';
import {
  type DraftBody,
  entryResponseQuery,
  saveDraft,
  saveDraftOnLeave,
  type TaskDefinition,
  type TaskDetail,
  taskQuery,
  useDeleteDraft,
  usePublishTask,
} from './tasks-api';

/**
 * What the task page hands to Historie after "Publiceren" (router location state); Historie shows the success notice
 * (record/history/history-tab.tsx reads the same shape).
 */
export interface PublishedState {
  published: { title: LocalText; entryId: string; version: number };
}

/** Autosave this long after the last change (seed 001 §6.1 "Concept opslaan", done for the user as well). */
export const autosaveDelayMs = 3000;
/** After a failed save, try again this much later (input stays on screen meanwhile). */
export const autosaveRetryMs = 10_000;

/** The server's definition as the forms package takes it (only the questionnaire matters for a new response). */
function asDefinition(definition: TaskDefinition): FormDefinition {
  return {
    key: definition.key,
    version: definition.version,
    title: definition.title,
    recordType: definition.recordType,
    trajectory: null,
    startRoles: [],
    activation: [],
    onceOnly: false,
    measurements: [],
    effects: [],
    questionnaire: definition.questionnaire,
  };
}

/**
 * A task (seed 001 §6.1): the form of one definition for one patient, new or "Bewerken" of an entry (`?entry=`).
 * Offers to continue the author's draft, saves a draft a few seconds after every change and when the page is left,
 * "Concept opslaan", "Publiceren" (the shared validation first), "Annuleren" (the draft stays).
 */
export function TaskPage() {
  const { t } = useTranslation();
  const { patientId = '', formKey = '' } = useParams();
  const [searchParams] = useSearchParams();
  const entryId = searchParams.get('entry') ?? undefined;
  const query = useQuery(taskQuery(patientId, formKey, entryId));
  const card = useQuery(patientCardQuery(patientId));
  const name = card.data?.status === 'open' ? patientName(card.data.card) : undefined;
  const language = useFormLanguage();
  const title = query.data ? query.data.definition.title[language] : t('werkplek.forms.task.title');
  usePageTitle(name ? `${title} · ${name}` : title, 'werkplek');

  if (query.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
  if (query.isError) {
    const notFound = isProblemError(query.error) && query.error.status === 404;
    return (
      <Stack gap="md" maw={760}>
        <Title order={1}>{notFound ? t('werkplek.forms.task.notFoundTitle') : t('werkplek.forms.task.errorTitle')}</Title>
        {notFound ? <Text>{t('werkplek.forms.task.notFound')}</Text> : <ProblemAlert error={query.error} />}
        <Group gap="sm">
          {!notFound && <Button onClick={() => void query.refetch()}>{t('werkplek.shell.retry')}</Button>}
          <Button component={Link} to={patientPath(patientId)} variant="default">
            {t('werkplek.forms.task.backToRecord')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <TaskStart
      key={`${formKey}:${entryId ?? ''}`}
      patientId={patientId}
      patientName={name}
      task={query.data}
      entryId={entryId}
      language={language}
    />
  );
}

interface StartProps {
  patientId: string;
  patientName: string | undefined;
  task: TaskDetail;
  entryId: string | undefined;
  language: Language;
}

/** Before the form: the draft question, and for "Bewerken" the entry's newest answers. */
function TaskStart(props: StartProps) {
  const { t } = useTranslation();
  const { patientId, task, entryId } = props;
  const formKey = task.definition.key;
  const [choice, setChoice] = useState<'draft' | 'fresh' | null>(task.draft ? null : 'fresh');
  const remove = useDeleteDraft(patientId, formKey);
  // "Bewerken" starts from the entry's newest version, when the task answer did not bring it along.
  const needsEntry = entryId !== undefined && task.entry !== null && !task.entry.response && choice === 'fresh';
  const entry = useQuery({ ...entryResponseQuery(patientId, entryId ?? ''), enabled: needsEntry });

  if (choice === null && task.draft) {
    const savedAt = task.draft.savedAt;
    return (
      <TaskFrame {...props}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={640}>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('werkplek.forms.task.draftTitle')}
            </Title>
            <Text>{t('werkplek.forms.task.draftQuestion')}</Text>
            <Text size="sm" c="dimmed">
              {t('werkplek.forms.task.draftSavedAt', { date: formatDate(savedAt), time: formatTime(savedAt) })}
            </Text>
            <ProblemAlert error={remove.error} />
            <Group gap="sm">
              <Button onClick={() => setChoice('draft')}>{t('werkplek.forms.task.continueDraft')}</Button>
              <Button
                variant="default"
                loading={remove.isPending}
                onClick={() => remove.mutate(entryId, { onSuccess: () => setChoice('fresh') })}
              >
                {t('werkplek.forms.task.startOver')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </TaskFrame>
    );
  }

  if (choice === 'draft' && task.draft) {
    const kept = task.draft.referral;
    return (
      <TaskEditor
        {...props}
        initial={task.draft.response}
        initialSavedAt={task.draft.savedAt}
        initialReferral={kept ? { toOrganisationId: kept.toOrganisationId, letter: kept.letter } : undefined}
      />
    );
  }
  if (task.entry?.response) return <TaskEditor {...props} initial={task.entry.response} initialSavedAt={null} />;
  if (needsEntry) {
    if (entry.isPending) return <Loader aria-label={t('werkplek.shell.loading')} />;
    if (entry.isError || !entry.data.response) {
      return (
        <TaskFrame {...props}>
          <ProblemAlert error={entry.error ?? true} />
          <Button onClick={() => void entry.refetch()} style={{ alignSelf: 'flex-start' }}>
            {t('werkplek.shell.retry')}
          </Button>
        </TaskFrame>
      );
    }
    return <TaskEditor {...props} initial={entry.data.response} initialSavedAt={null} />;
  }
  return <TaskEditor {...props} initial={emptyResponse(asDefinition(task.definition))} initialSavedAt={null} />;
}

function TaskFrame({ patientId, patientName, task, language, children }: StartProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={960}>
      <Group gap="xs">
        <Button component={Link} to={patientPath(patientId)} variant="subtle" size="compact-sm" px={4}>
          {t('werkplek.forms.task.backToRecord')}
        </Button>
      </Group>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={1}>{task.definition.title[language]}</Title>
          {task.entry && (
            <Badge variant="light" color="gray" tt="none">
              {t('werkplek.forms.task.editingVersion', { version: task.entry.version })}
            </Badge>
          )}
        </Group>
        {patientName && <Text c="dimmed">{t('werkplek.forms.task.forPatient', { name: patientName })}</Text>}
      </Stack>
      {children}
    </Stack>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown; lastSavedAt: string | null };

function TaskEditor(
  props: StartProps & {
    initial: QuestionnaireResponse;
    initialSavedAt: string | null;
    /** A referral draft's organisation and letter (the letter stays the file uploaded before). */
    initialReferral?: ReferralChoice | undefined;
  },
) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { patientId, task, entryId, language, initial, initialSavedAt, initialReferral } = props;
  const formKey = task.definition.key;
  const questionnaire = task.definition.questionnaire;
  const [response, setResponse] = useState(initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>([]);
  const [saveState, setSaveState] = useState<SaveState>(
    initialSavedAt ? { kind: 'saved', at: initialSavedAt } : { kind: 'idle' },
  );
  const publish = usePublishTask(patientId, formKey);
  // A new "Verwijzing …" entry also says where it goes (issue 7); editing one sends nothing again.
  const isReferral = task.definition.recordType === 'referral' && !entryId;
  const [referral, setReferral] = useState<ReferralChoice>(initialReferral ?? { toOrganisationId: null, letter: null });
  const summaryRef = useRef<HTMLDivElement>(null);

  // What autosave needs outside React's render: the newest answers, whether they are saved, the running save.
  const latest = useRef(response);
  latest.current = response;
  // The draft keeps the referral's organisation and letter too ("a draft is never lost").
  const latestReferral = useRef(referral);
  latestReferral.current = referral;
  const changeCount = useRef(0);
  const savedCount = useRef(0);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const done = useRef(false); // published: nothing to save any more
  const requestId = useRef<string | undefined>(undefined);
  const draftBody = useCallback(
    (answers: QuestionnaireResponse): DraftBody => ({
      response: answers,
      ...(entryId ? { entryId } : {}),
      ...(isReferral
        ? {
            referral: {
              toOrganisationId: latestReferral.current.toOrganisationId,
              letterBlobId: latestReferral.current.letter?.id ?? null,
            },
          }
        : {}),
    }),
    [entryId, isReferral],
  );

  const isDirty = useCallback(() => !done.current && changeCount.current !== savedCount.current, []);

  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const run = async () => {
      if (!isDirty()) return;
      const count = changeCount.current;
      setSaveState({ kind: 'saving' });
      try {
        const result = await saveDraft(patientId, formKey, draftBody(latest.current));
        savedCount.current = Math.max(savedCount.current, count);
        if (!done.current) setSaveState({ kind: 'saved', at: result.savedAt });
      } catch (error) {
        if (done.current) return;
        setSaveState((state) => ({
          kind: 'failed',
          error,
          lastSavedAt: state.kind === 'saved' ? state.at : state.kind === 'failed' ? state.lastSavedAt : initialSavedAt,
        }));
        // The answers stay on screen; try again in a while.
        timer.current = setTimeout(() => void save(), autosaveRetryMs);
        throw error;
      }
    };
    saving.current = saving.current.catch(() => undefined).then(run);
    return saving.current;
  }, [patientId, formKey, draftBody, initialSavedAt, isDirty]);

  // Leaving: the tab is hidden or closed, or the user goes elsewhere in the app — the last answers go to the server.
  useEffect(() => {
    const leave = () => {
      if (!isDirty()) return;
      clearTimeout(timer.current);
      saveDraftOnLeave(patientId, formKey, draftBody(latest.current));
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      leave();
    };
  }, [patientId, formKey, draftBody, isDirty]);

  function change(next: QuestionnaireResponse) {
    setResponse(next);
    latest.current = next;
    changeCount.current += 1;
    scheduleSave(autosaveDelayMs);
    // Problems shown after "Publiceren" follow the answers: a fixed question loses its message.
    if (problems.length > 0) setProblems(validateResponse(questionnaire, next));
    if (serverErrors.length > 0) setServerErrors([]);
  }

  function changeReferral(next: ReferralChoice) {
    setReferral(next);
    latestReferral.current = next;
    changeCount.current += 1;
    // A new letter is held by the draft soon, so leaving the page right after the upload keeps it.
    scheduleSave(next.letter?.id !== referral.letter?.id ? 0 : autosaveDelayMs);
    if (serverErrors.length > 0) setServerErrors([]);
  }

  function showProblems() {
    // After the render: the summary exists.
    setTimeout(() => summaryRef.current?.focus(), 0);
  }

  function scheduleSave(delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save().catch(() => undefined), delay);
  }

  async function onPublish() {
    const found = validateResponse(questionnaire, latest.current);
    setProblems(found);
    setServerErrors([]);
    if (found.length > 0) {
      showProblems();
      return;
    }
    clearTimeout(timer.current);
    // A running autosave first, so it cannot bring the draft back after publishing removed it.
    await saving.current.catch(() => undefined);
    requestId.current ??= crypto.randomUUID();
    const body = {
      response: latest.current,
      requestId: requestId.current,
      ...(entryId ? { entryId } : {}),
      ...(isReferral ? referralBody(referral) : {}),
    };
    publish.mutate(body, {
      onSuccess: (published) => {
        done.current = true;
        clearTimeout(timer.current);
        const state: PublishedState = {
          published: { title: task.definition.title, entryId: published.entryId, version: published.version },
        };
        void navigate(patientPath(patientId, 'historie'), { state });
        // Historie opens at its top, where the success notice is — not at the scroll position of a long form.
        (document.scrollingElement ?? document.documentElement).scrollTop = 0;
      },
      onError: (error) => {
        if (isProblemError(error) && error.status === 422) {
          // Refused, so nothing was stored: the next "Publiceren" is a new request.
          requestId.current = undefined;
          setServerErrors(error.errors);
          showProblems();
        }
        // Otherwise (no connection, server error) the answers stay and the same request may be sent again.
        if (isDirty()) scheduleSave(autosaveDelayMs);
      },
    });
  }

  function onSaveDraft() {
    if (!isDirty()) {
      // Nothing new, but the user asked: save anyway so "Concept opgeslagen om …" is true now.
      changeCount.current += 1;
    }
    void save().catch(() => undefined);
  }

  function onCancel() {
    // The draft stays: the unmount saves what is not saved yet.
    if (location.key !== 'default') void navigate(-1);
    else void navigate(patientPath(patientId));
  }

  const messages = [
    ...problems.map((problem) => ({ linkId: problem.linkId, text: problemMessage(questionnaire, problem, language) })),
    ...serverErrors.map((error) => ({ linkId: error.field, text: error.message })),
  ];
  const publishError = publish.error && !(isProblemError(publish.error) && publish.error.status === 422) ? publish.error : null;
  const problem422 = isProblemError(publish.error) && publish.error.status === 422 ? publish.error : null;

  return (
    <TaskFrame {...props}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onPublish();
        }}
      >
        <Stack gap="lg">
          {messages.length > 0 && (
            <Alert
              ref={summaryRef}
              tabIndex={-1}
              color="red"
              variant="light"
              title={problem422?.title || t('werkplek.forms.task.problemsTitle')}
            >
              <Text size="sm">{problem422?.detail || t('werkplek.forms.task.problemsText')}</Text>
              <List size="sm" mt="xs">
                {messages.map((message) => (
                  <List.Item key={`${message.linkId}:${message.text}`}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      c="red.9"
                      td="underline"
                      style={{ textAlign: 'start' }}
                      onClick={() => focusQuestion(message.linkId)}
                    >
                      {message.text}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {isReferral && (
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <ReferralFields formKey={formKey} value={referral} onChange={changeReferral} errors={serverErrors} />
            </Paper>
          )}
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
            <QuestionnaireForm
              questionnaire={questionnaire}
              value={response}
              onChange={change}
              problems={problems}
              fieldErrors={serverErrors}
              language={language}
            />
          </Paper>
          {publishError !== null && (
            <Stack gap="xs">
              <ProblemAlert error={publishError} />
              <Text size="sm">{t('werkplek.forms.task.publishFailed')}</Text>
            </Stack>
          )}
          <Paper
            withBorder
            radius="md"
            p="sm"
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
          >
            <Group justify="space-between" gap="sm" wrap="wrap">
              <SaveStatus state={saveState} onRetry={onSaveDraft} />
              <Group gap="sm" justify="flex-end" style={{ marginInlineStart: 'auto' }}>
                <Button variant="default" onClick={onCancel}>
                  {t('werkplek.forms.task.cancel')}
                </Button>
                <Button variant="light" onClick={onSaveDraft} loading={saveState.kind === 'saving'}>
                  {t('werkplek.forms.task.saveDraft')}
                </Button>
                <Button type="submit" loading={publish.isPending}>
                  {t('werkplek.forms.task.publish')}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>
    </TaskFrame>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  let content: ReactNode = null;
  if (state.kind === 'saving')
    content = (
      <Text size="sm" c="dimmed">
        {t('werkplek.forms.task.saving')}
      </Text>
    );
  if (state.kind === 'saved')
    content = (
      <Text size="sm" c="dimmed">
        {t('werkplek.forms.task.savedAt', { time: formatTime(state.at) })}
      </Text>
    );
  if (state.kind === 'failed') {
    const network = isProblemError(state.error) && state.error.kind === 'network';
    content = (
      <Group gap="xs">
        <Text size="sm" c="red.9">
          {network ? t('werkplek.forms.task.saveFailedNetwork') : t('werkplek.forms.task.saveFailed')}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={onRetry}>
          {t('werkplek.shell.retry')}
        </Button>
      </Group>
    );
  }
  return (
    <div aria-live="polite" role="status">
      {content}
    </div>
  );
}
