import { Alert, Anchor, Button, Group, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { carriedRevision, wellbeingAreaCodes, type PlanView } from '@samsyn/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { refusalText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { Invitation } from './InvitationPage.tsx';
import { useInvitation, useMeetings, usePreparation, useSavePreparation, type GoalOutcome, type PreparationAnswers } from './useSip.ts';
import { meetingTime } from './words.ts';

/**
 * The family's part of the way to the meeting, on its plan page (390 px wide): the next meeting
 * in plain language with the digital link and its own invitation to answer, and the easy-read
 * "Vad är viktigt för dig?" form with its own evaluation of each goal. Drafts are kept as typed
 * (in the tab) and on the server when saved, so another device can go on.
 */
export function FamilyMeetingSection({ childId, plan, relation }: { childId: string; plan: PlanView; relation: 'guardian' | 'self' }) {
  const { t } = useTranslation();
  const meetings = useMeetings(childId, plan.id);
  return (
    <Stack gap="sm">
      <section aria-labelledby={`next-meeting-${plan.id}`}>
        <Title order={3} size="h4" id={`next-meeting-${plan.id}`}>{t('sipMeetings.family.nextMeeting')}</Title>
        {meetings.isPending ? <Loading /> : meetings.isError ? <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} /> : <NextMeeting childId={childId} list={meetings.data} />}
      </section>
      {/* The policy's `prepare`: a guardian, or the child from the consent age; a younger child fills it in with a guardian. */}
      {plan.actions.includes('prepare') ? <PreparationForm childId={childId} plan={plan} relation={relation} /> : plan.closedAt === null && <Text size="sm">{t('sipMeetings.form.withGuardian')}</Text>}
    </Stack>
  );
}

function NextMeeting({ childId, list }: { childId: string; list: ReturnType<typeof useMeetings>['data'] & object }) {
  const { t } = useTranslation();
  const next = list.meetings.find((m) => m.id === list.nextMeetingId);
  if (!next) return <Text>{t('sipMeetings.family.noMeeting')}</Text>;
  const own = next.invitees.find((i) => list.own.includes(i.id));
  return (
    <Stack gap={4}>
      <Text>{t('sipMeetings.family.meetingOn', { time: meetingTime(next.startsAt, t) })}</Text>
      {next.place && <Text>{t('sipMeetings.family.place', { place: next.place })}</Text>}
      {next.digitalLink && <Anchor href={next.digitalLink} target="_blank" rel="noreferrer">{t('sipMeetings.family.digital')}</Anchor>}
      {own ? <OwnInvitation childId={childId} invitationId={own.id} /> : <Text size="sm">{t('sipMeetings.family.notInvited')}</Text>}
    </Stack>
  );
}

function OwnInvitation({ childId, invitationId }: { childId: string; invitationId: string }) {
  const invitation = useInvitation(childId, invitationId);
  if (invitation.isPending) return <Loading />;
  if (invitation.isError) return <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />;
  return <Invitation invitation={invitation.data} compact />;
}

const questions = ['goingWell', 'wantToChange', 'whoAtMeeting', 'shouldKnow'] as const;
const emptyAnswers: PreparationAnswers = { areas: {}, goingWell: '', wantToChange: '', whoAtMeeting: '', shouldKnow: '', goals: {} };

function PreparationForm({ childId, plan, relation }: { childId: string; plan: PlanView; relation: 'guardian' | 'self' }) {
  const saved = usePreparation(childId, plan.id);
  if (saved.isPending) return <Loading />;
  if (saved.isError) return <LoadError error={saved.error} onRetry={() => void saved.refetch()} />;
  const voice = relation === 'self' ? ('child' as const) : ('guardian' as const);
  const mine = saved.data.preparations.find((p) => p.mine && p.voice === voice);
  return <PreparationFields childId={childId} plan={plan} voice={voice} initial={mine?.answers ?? emptyAnswers} submittedAt={mine?.submittedAt ?? null} />;
}

function PreparationFields({ childId, plan, voice, initial, submittedAt }: { childId: string; plan: PlanView; voice: 'child' | 'guardian'; initial: PreparationAnswers; submittedAt: string | null }) {
  const { t } = useTranslation();
  const save = useSavePreparation(childId, plan.id);
  const [draft, setDraft, discard] = useDraft<PreparationAnswers>(`preparation:${plan.id}:${voice}`, { ...emptyAnswers, ...initial });
  const head = carriedRevision(plan, (r) => r.number === plan.headRevision);
  const goals = head?.contents.goals ?? [];
  const headingId = `preparation-form-${plan.id}`;
  if (submittedAt) return <Alert variant="light" color="samsyn" title={t('sipMeetings.form.title')}><Text size="sm" c="dark.8">{t('sipMeetings.form.submitted')}</Text></Alert>;
  const send = (submit: boolean) => save.mutate({ voice, answers: draft, submit }, { onSuccess: () => { if (submit) discard(); } });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };
  const setGoal = (id: string, next: { outcome: GoalOutcome | null; comment: string }) => setDraft({ ...draft, goals: { ...draft.goals, [id]: next } });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>{t('sipMeetings.form.title')}</Title>
        <Text>{t('sipMeetings.form.intro')}</Text>
        <FormError text={save.isError ? refusalText(save.error, t, currentLanguage()) : null} />
        {questions.map((q) => <Textarea key={q} label={t(`sipMeetings.form.${q}`)} value={draft[q]} onChange={(e) => setDraft({ ...draft, [q]: e.currentTarget.value })} maxLength={1000} autosize minRows={2} />)}
        {/* One line per area of the wellbeing wheel, in the words the wheel uses: what the family says about each, if anything. */}
        <Text fw={600}>{t('sipMeetings.form.areasIntro')}</Text>
        {wellbeingAreaCodes.map((a) => <TextInput key={a} label={t('sipMeetings.form.area', { area: t(`concerns.areas.${a}`) })} value={draft.areas[a] ?? ''} onChange={(e) => setDraft({ ...draft, areas: { ...draft.areas, [a]: e.currentTarget.value } })} maxLength={1000} />)}
        {goals.length > 0 && <Text fw={600}>{t('sipMeetings.form.goalsIntro')}</Text>}
        {goals.map((g) => {
          const own = draft.goals[g.id] ?? { outcome: null, comment: '' };
          return (
            <Stack key={g.id} gap={4}>
              <Radio.Group label={t('sipMeetings.form.goal', { goal: g.childWords || g.wording })} value={own.outcome ?? ''} onChange={(v) => setGoal(g.id, { ...own, outcome: v as GoalOutcome })}>
                <Stack gap={4} mt={4}>{(['reached', 'partly_reached', 'not_reached'] as const).map((o) => <Radio key={o} value={o} label={t(`sipMeetings.form.outcomes.${o}`)} />)}</Stack>
              </Radio.Group>
              <Textarea label={t('sipMeetings.form.goalComment', { goal: g.childWords || g.wording })} value={own.comment} onChange={(e) => setGoal(g.id, { ...own, comment: e.currentTarget.value })} maxLength={1000} autosize minRows={1} />
            </Stack>
          );
        })}
        <Group>
          <Button variant="default" onClick={() => send(false)} loading={save.isPending && save.variables?.submit === false}>{t('sipMeetings.form.saveDraft')}</Button>
          <Button type="submit" loading={save.isPending && save.variables?.submit === true}>{t('sipMeetings.form.submit')}</Button>
        </Group>
        <div role="status">{save.isSuccess && save.data.submittedAt === null && <Text size="sm">{t('sipMeetings.form.draftSaved')}</Text>}</div>
      </Stack>
    </form>
  );
}
