import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { wellbeingAreaCodes } from '@samsyn/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { refusalText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { usePreparation, usePreparationNotes, useSavePreparationNote, type GoalOutcome, type PreparationView } from './useSip.ts';

/**
 * Before the meeting: what the family said in its preparation form (submitted answers only), and
 * the team's notes of who brings what. A participant writes their own note (`write`).
 */
export function PreparationNotesSection({ childId, planId, goals }: { childId: string; planId: string; goals: { id: string; wording: string; team: GoalOutcome | null }[] }) {
  const { t } = useTranslation();
  const notes = usePreparationNotes(childId, planId);
  const family = usePreparation(childId, planId);
  return (
    <section aria-labelledby="preparation-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="preparation-heading">{t('sipMeetings.preparation.title')}</Title>
        <Title order={3} size="h4">{t('sipMeetings.preparation.family')}</Title>
        {family.isPending ? <Loading /> : family.isError ? <LoadError error={family.error} onRetry={() => void family.refetch()} /> : <FamilyAnswers answers={family.data.preparations.filter((p) => p.submittedAt !== null)} goals={goals} />}
        <Title order={3} size="h4">{t('sipMeetings.preparation.team')}</Title>
        {notes.isPending ? <Loading /> : notes.isError ? <LoadError error={notes.error} onRetry={() => void notes.refetch()} /> : (
          <>
            {notes.data.notes.length === 0 && <Text c="dimmed">{t('sipMeetings.preparation.noNotes')}</Text>}
            <Stack gap="xs" component="ul" className="plain-list">
              {notes.data.notes.map((n) => (
                <li key={n.authorId} className="record-entry">
                  <Text size="sm" fw={600}>{t('sipMeetings.preparation.brings', { name: n.authorName, organisation: n.organisationName, date: formatDate(n.updatedAt) })}</Text>
                  <Text size="sm">{n.brings}</Text>
                </li>
              ))}
            </Stack>
            {notes.data.actions.includes('write') && <OwnNote childId={childId} planId={planId} current={notes.data.notes.find((n) => n.mine)?.brings ?? ''} />}
          </>
        )}
      </Stack>
    </section>
  );
}

function FamilyAnswers({ answers, goals }: { answers: PreparationView[]; goals: { id: string; wording: string; team: GoalOutcome | null }[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <Text c="dimmed">{t('sipMeetings.preparation.noFamily')}</Text>;
  return (
    <Stack gap="xs" component="ul" className="plain-list">
      {answers.map((p) => (
        <li key={`${p.voice}-${p.updatedAt}`} className="record-entry">
          <Text size="sm" fw={600}>{t(`sipMeetings.preparation.voice.${p.voice}`)}{p.voice === 'child' && p.givenAs === 'guardian' ? ` (${t('sipMeetings.preparation.withGuardian')})` : ''}</Text>
          {(['goingWell', 'wantToChange', 'whoAtMeeting', 'shouldKnow'] as const).filter((k) => p.answers[k]).map((k) => <Text key={k} size="sm">{t(`sipMeetings.form.${k}`)}: {p.answers[k]}</Text>)}
          {wellbeingAreaCodes.filter((a) => p.answers.areas[a]).map((a) => <Text key={a} size="sm">{t('sipMeetings.form.area', { area: t(`concerns.areas.${a}`) })} {p.answers.areas[a]}</Text>)}
          {goals.filter((g) => p.answers.goals[g.id]?.outcome).map((g) => (
            <Text key={g.id} size="sm">{t('sipMeetings.preparation.goalBeside', { goal: g.wording, family: t(`sipMeetings.outcomes.${p.answers.goals[g.id]!.outcome!}`), team: g.team ? t(`sipMeetings.outcomes.${g.team}`) : t('sipMeetings.outcomes.none') })}{p.answers.goals[g.id]!.comment ? ` – ${p.answers.goals[g.id]!.comment}` : ''}</Text>
          ))}
        </li>
      ))}
    </Stack>
  );
}

function OwnNote({ childId, planId, current }: { childId: string; planId: string; current: string }) {
  const { t } = useTranslation();
  const save = useSavePreparationNote(childId, planId);
  const [draft, setDraft, discard] = useDraft(`preparation-note:${planId}`, { brings: current });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(draft.brings, { onSuccess: discard });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError text={save.isError ? refusalText(save.error, t, currentLanguage()) : null} />
        <Textarea label={t('sipMeetings.preparation.mine')} description={t('sipMeetings.preparation.mineHint')} value={draft.brings} onChange={(e) => setDraft({ brings: e.currentTarget.value })} maxLength={2000} autosize minRows={2} />
        <Group><Button type="submit" variant="light" loading={save.isPending}>{t('sipMeetings.preparation.saveNote')}</Button></Group>
        {save.isSuccess && <Text size="sm" role="status">{t('sipMeetings.preparation.noteSaved')}</Text>}
      </Stack>
    </form>
  );
}
