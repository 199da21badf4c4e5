import { Badge, Button, Group, Loader, Modal, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblemError } from '../../../api/client';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../ui/format';
import { ProblemAlert } from '../../../ui/problem-alert';
import { type Memo, type MemoInput, type MemoVisibility, memosQuery, roleNameIn, useMemoMutations } from './record-api';

const maxLength = 4000;

/**
 * Memo's (seed 001 §5.7): personal notes, for yourself or for your practice, never in Historie. Only the author
 * changes or deletes a memo.
 */
export function MemosTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery(memosQuery(patientId));
  const { add, change, remove } = useMemoMutations(patientId);
  const [deleting, setDeleting] = useState<Memo | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('werkplek.patients.memos.newTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('werkplek.patients.memos.intro')}
          </Text>
          <MemoForm
            key={add.isSuccess ? `saved-${add.data?.id}` : 'new'}
            pending={add.isPending}
            error={add.error}
            submitLabel={t('werkplek.patients.memos.add')}
            onSubmit={(input) => add.mutate(input)}
          />
        </Stack>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('werkplek.patients.tabs.memos')}
        </Title>
        {query.isPending ? (
          <Loader aria-label={t('werkplek.shell.loading')} />
        ) : query.isError ? (
          <ProblemAlert error={query.error} />
        ) : query.data.memos.length === 0 ? (
          <Text>{t('werkplek.patients.memos.empty')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {query.data.memos.map((memo) => (
              <li key={memo.id}>
                {editing === memo.id ? (
                  <Paper withBorder radius="md" p="md">
                    <MemoForm
                      initial={memo}
                      pending={change.isPending}
                      error={change.error}
                      submitLabel={t('werkplek.patients.memos.save')}
                      onCancel={() => setEditing(null)}
                      onSubmit={(input) => change.mutate({ id: memo.id, input }, { onSuccess: () => setEditing(null) })}
                    />
                  </Paper>
                ) : (
                  <MemoCard memo={memo} onEdit={() => setEditing(memo.id)} onDelete={() => setDeleting(memo)} />
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>

      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('werkplek.patients.memos.deleteTitle')}
        centered
      >
        <Stack gap="md">
          <Text>{t('werkplek.patients.memos.deleteText')}</Text>
          <ProblemAlert error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('werkplek.patients.memos.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
            >
              {t('werkplek.patients.memos.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function MemoCard({ memo, onEdit, onDelete }: { memo: Memo; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const changed = memo.updatedAt !== memo.createdAt;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('werkplek.patients.memos.byline', {
              name: memo.author.name,
              role: roleNameIn(memo.author.role, currentLanguage()),
              date: formatDateTime(memo.createdAt),
            })}
            {changed ? ` · ${t('werkplek.patients.memos.changed', { date: formatDateTime(memo.updatedAt) })}` : ''}
          </Text>
          <Badge variant="light" color={memo.visibility === 'practice' ? 'keten' : 'gray'} tt="none">
            {memo.visibility === 'practice'
              ? t('werkplek.patients.memos.forPractice', { organisation: memo.organisation.name })
              : t('werkplek.patients.memos.forMe')}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{memo.text}</Text>
        {memo.mine && (
          <Group gap="xs">
            <Button variant="subtle" size="compact-sm" onClick={onEdit}>
              {t('werkplek.patients.memos.edit')}
            </Button>
            <Button variant="subtle" color="red" c="red.9" size="compact-sm" onClick={onDelete}>
              {t('werkplek.patients.memos.delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function MemoForm({
  initial,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: MemoInput;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: MemoInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial?.text ?? '');
  const [visibility, setVisibility] = useState<MemoVisibility>(initial?.visibility ?? 'personal');
  const [localError, setLocalError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === '') {
      setLocalError(t('werkplek.patients.add.errors.required'));
      return;
    }
    setLocalError(undefined);
    onSubmit({ text: text.trim(), visibility });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={error} shownFields={['text', 'visibility']} />
        <Textarea
          label={t('werkplek.patients.memos.text')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={12}
          maxLength={maxLength}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={localError ?? (isProblemError(error) ? error.fieldError('text') : undefined)}
          description={t('werkplek.patients.memos.length', { count: text.length, max: maxLength })}
        />
        <Radio.Group
          label={t('werkplek.patients.memos.visibility')}
          value={visibility}
          onChange={(value) => setVisibility(value === 'practice' ? 'practice' : 'personal')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="personal" label={t('werkplek.patients.memos.personal')} />
            <Radio value="practice" label={t('werkplek.patients.memos.practice')} />
          </Group>
        </Radio.Group>
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('werkplek.patients.memos.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
