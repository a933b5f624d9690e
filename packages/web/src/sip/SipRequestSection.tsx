import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { SipRequestView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { refusalText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useAnswerSipRequest, useRequestSip, useSipRequests } from './useSip.ts';

/**
 * The requests for a SIP between the principals, on the SIP's page: who asked and when, the
 * deadline and the days passed in words, and the answer. Asking and answering are offered only
 * where the server says so (`mayRequest`, `mayAnswer`); a refusal needs a written reason.
 */
export function SipRequestSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const list = useSipRequests(childId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const { requests, mayRequest, deadlineDays } = list.data;
  if (requests.length === 0 && !mayRequest) return null;
  return (
    <section aria-labelledby="sip-requests-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="sip-requests-heading">{t('sipMeetings.request.title')}</Title>
        {requests.length === 0 && <Text c="dimmed">{t('sipMeetings.request.none')}</Text>}
        <Stack gap="sm" component="ul" className="plain-list">
          {requests.map((r) => <RequestItem key={r.id} childId={childId} request={r} />)}
        </Stack>
        {mayRequest && <RequestForm childId={childId} deadlineDays={deadlineDays} />}
      </Stack>
    </section>
  );
}

/** The deadline and the days passed, in words (never a colour alone). */
export function timingWords(r: SipRequestView, t: TFunction): string {
  const passed = t('sipMeetings.request.daysPassed', { count: r.daysPassed });
  if (r.status !== 'open') return passed;
  return r.deadlinePassed ? `${passed} ${t('sipMeetings.request.deadlinePassed', { date: r.deadlineOn })}` : `${passed} ${t('sipMeetings.request.daysLeft', { count: r.daysLeft, date: r.deadlineOn })}`;
}

function RequestItem({ childId, request: r }: { childId: string; request: SipRequestView }) {
  const { t } = useTranslation();
  return (
    <li className="record-entry">
      <Text fw={600}>{t('sipMeetings.request.asked', { from: t(`sipMeetings.principals.${r.fromPrincipal}`), to: t(`sipMeetings.principals.${r.toPrincipal}`), name: r.requestedByName, organisation: r.organisationName, date: formatDate(r.requestedAt) })}</Text>
      {r.reason && <Text size="sm">{r.reason}</Text>}
      <Text size="sm">{t(`sipMeetings.request.status.${r.status}`)} {timingWords(r, t)}</Text>
      {r.status !== 'open' && <Text size="sm">{t('sipMeetings.request.answeredBy', { name: r.answeredByName ?? '', date: r.answeredAt ? formatDate(r.answeredAt) : '' })}{r.answerReason ? `: ${r.answerReason}` : ''}</Text>}
      {r.mayAnswer && <AnswerForm childId={childId} requestId={r.id} />}
    </li>
  );
}

function RequestForm({ childId, deadlineDays }: { childId: string; deadlineDays: number }) {
  const { t } = useTranslation();
  const ask = useRequestSip(childId);
  const [draft, setDraft, discard] = useDraft(`sip-request:${childId}`, { reason: '' });
  function submit(event: FormEvent) {
    event.preventDefault();
    ask.mutate({ reason: draft.reason }, { onSuccess: discard });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <FormError text={ask.isError ? refusalText(ask.error, t, currentLanguage()) : null} />
        <Textarea label={t('sipMeetings.request.reason')} description={t('sipMeetings.request.deadlineHint', { count: deadlineDays })} value={draft.reason} onChange={(e) => setDraft({ reason: e.currentTarget.value })} maxLength={2000} autosize minRows={2} />
        <Group><Button type="submit" loading={ask.isPending}>{t('sipMeetings.request.ask')}</Button></Group>
      </Stack>
    </form>
  );
}

function AnswerForm({ childId, requestId }: { childId: string; requestId: string }) {
  const { t } = useTranslation();
  const answer = useAnswerSipRequest(childId);
  const [draft, setDraft, discard] = useDraft<{ answer: 'accepted' | 'refused'; reason: string }>(`sip-answer:${requestId}`, { answer: 'accepted', reason: '' });
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.answer === 'refused' && draft.reason.trim() === '') {
      setError(t('sipMeetings.request.reasonRequired'));
      return;
    }
    setError(null);
    const input = draft.answer === 'refused' ? { answer: 'refused' as const, reason: draft.reason } : { answer: 'accepted' as const, planId: null, reason: draft.reason };
    answer.mutate({ requestId, input }, { onSuccess: discard });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="xs">
        <FormError text={answer.isError ? refusalText(answer.error, t, currentLanguage()) : null} />
        <Radio.Group label={t('sipMeetings.request.answer')} value={draft.answer} onChange={(v) => setDraft({ ...draft, answer: v as 'accepted' | 'refused' })}>
          <Group mt={6}>
            <Radio value="accepted" label={t('sipMeetings.request.accept')} />
            <Radio value="refused" label={t('sipMeetings.request.refuse')} />
          </Group>
        </Radio.Group>
        <Textarea label={t('sipMeetings.request.answerReason')} required={draft.answer === 'refused'} error={error} aria-invalid={Boolean(error) || undefined} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.currentTarget.value })} maxLength={2000} autosize minRows={2} />
        <Group><Button type="submit" variant="light" loading={answer.isPending}>{t('sipMeetings.request.send')}</Button></Group>
        {answer.isSuccess && <Alert variant="light" color="samsyn"><Text size="sm">{t('sipMeetings.request.answered')}</Text></Alert>}
      </Stack>
    </form>
  );
}
