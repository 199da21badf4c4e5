import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';
import { ShieldIcon } from '../../../ui/icons';
import { ProblemAlert } from '../../../ui/problem-alert';

interface ConfirmPanelProps {
  /** Whom the confirmation is about. */
  patient: { displayId: string; name: string; birthDate: string };
  /**
   * What to confirm, as a heading (h2) in the panel that takes the focus each time it changes: one step of several.
   * Without it, the page's own heading says what to confirm.
   */
  title?: string;
  /** Between the heading and the conditions: an introduction, a notice. */
  intro?: ReactNode;
  /** What the user states by confirming, one list item each. */
  conditions: readonly string[];
  /** Below the conditions. */
  note?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The request confirming sends: its progress on the buttons, its problem above them. Without it, confirming only moves on. */
  request?: { isPending: boolean; error: unknown };
}

/**
 * A confirmation about one patient before anything of the record shows (Behandelrelatie bevestigen, Overschrijven):
 * who, the conditions, then "Bevestigen" or "Annuleren".
 */
export function ConfirmPanel({
  patient,
  title,
  intro,
  conditions,
  note,
  confirmLabel,
  onConfirm,
  onCancel,
  request,
}: ConfirmPanelProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each confirmation starts at its heading, for keyboard and screen-reader users.
  useEffect(() => {
    if (title !== undefined) headingRef.current?.focus();
  }, [title]);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ShieldIcon size={28} color="var(--mantine-primary-color-filled)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2}>
            <Text size="lg" fw={700}>
              {patient.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t('werkplek.patients.relationship.patientLine', {
                id: patient.displayId,
                birthDate: formatDate(patient.birthDate),
              })}
            </Text>
          </Stack>
        </Group>
        {title !== undefined && (
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
        )}
        {intro}
        <List spacing="xs" size="sm">
          {conditions.map((condition) => (
            <List.Item key={condition}>{condition}</List.Item>
          ))}
        </List>
        {note}
        {request && <ProblemAlert error={request.error} />}
        <Group gap="sm">
          <Button onClick={onConfirm} loading={request?.isPending}>
            {confirmLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={request?.isPending}>
            {t('werkplek.patients.relationship.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * What confirming a treatment relationship states (seed 001 §3.2); `withTeam` when confirming also joins the
 * Behandelteam right away.
 */
export function relationshipConditions(t: TFunction, { withTeam }: { withTeam: boolean }): string[] {
  const conditions = [
    t('werkplek.patients.relationship.conditions.relationship'),
    t('werkplek.patients.relationship.conditions.necessity'),
    t('werkplek.patients.relationship.conditions.logged'),
    t('werkplek.patients.relationship.conditions.secrecy'),
  ];
  return withTeam ? [...conditions, t('werkplek.patients.relationship.conditions.team')] : conditions;
}
