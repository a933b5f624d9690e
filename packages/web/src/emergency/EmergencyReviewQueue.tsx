import { Badge, Button, Group, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatStockholmDateTime, type EmergencyAccessView, type EmergencyReviewOutcome } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { message, StatusMessage, useStatus, type StatusText } from '../common/StatusMessage.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useEmergencyReviewQueue, useReviewEmergencyAccess } from './useEmergency.ts';

const time = (iso: string) => formatStockholmDateTime(new Date(iso));

/** The unit manager's queue of emergency accesses: each judged justified or not, with a comment, once. */
export function EmergencyReviewQueue() {
  const { t } = useTranslation();
  const [view, setView] = useState<'pending' | 'reviewed'>('pending');
  const queue = useEmergencyReviewQueue(view);
  const status = useStatus();
  return (
    <section aria-labelledby="emergency-review-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Group justify="space-between">
          <Title order={2} size="h3" id="emergency-review-heading">{t('emergencyReview.title')}</Title>
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as 'pending' | 'reviewed')}
            data={[{ value: 'pending', label: t('emergencyReview.pending') }, { value: 'reviewed', label: t('emergencyReview.reviewed') }]}
            aria-label={t('emergencyReview.title')}
          />
        </Group>
        <Text size="sm">{t('emergencyReview.intro')}</Text>
        <StatusMessage status={status.status} onClose={status.clear} />
        {queue.isPending ? (
          <Loading />
        ) : queue.isError ? (
          <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : queue.data.length === 0 ? (
          <Text c="dimmed">{view === 'pending' ? t('emergencyReview.none') : t('emergencyReview.noneReviewed')}</Text>
        ) : (
          <Stack gap="md" component="ul" className="plain-list">
            {queue.data.map((access) => (
              <li key={access.id} className="record-entry">
                <AccessItem access={access} onSaved={() => status.success(message('emergencyReview.saved'))} onFailed={status.failure} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}

function AccessItem({ access, onSaved, onFailed }: { access: EmergencyAccessView; onSaved: () => void; onFailed: (text: StatusText) => void }) {
  const { t } = useTranslation();
  const review = useReviewEmergencyAccess();
  const [outcome, setOutcome] = useState<EmergencyReviewOutcome | null>(null);
  const [comment, setComment] = useState('');
  // Which fields are missing, not their messages: those are worded when drawn, in the language shown.
  const [missing, setMissing] = useState<{ outcome: boolean; comment: boolean }>({ outcome: false, comment: false });
  const child = access.child.identityNumber ?? t('logReview.protectedChild');

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = { outcome: !outcome, comment: !comment.trim() };
    setMissing(found);
    if (!outcome || found.comment) return;
    review.mutate({ id: access.id, input: { outcome, comment: comment.trim() } }, { onSuccess: onSaved, onError: (error) => onFailed((tr, language) => errorText(error, tr, language)) });
  }

  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Badge variant="light" tt="none" color="orange" className="badge-flag">{t('logReview.flags.emergency_access')}</Badge>
        {access.active && <Badge variant="light" tt="none" color="red">{t('emergencyReview.active')}</Badge>}
        {access.child.protectedIdentity && <Badge variant="light" tt="none" color="orange" className="badge-flag">{t('logReview.flags.protected_identity')}</Badge>}
      </Group>
      <Text size="sm" fw={600}>{t('emergencyReview.opened', { time: time(access.startsAt), name: access.user.name, organisation: access.unit ? `${access.organisation.name} – ${access.unit.name}` : access.organisation.name })}</Text>
      <Text size="sm">{t('emergencyReview.child', { identityNumber: child })} · {t('emergencyReview.expires', { time: time(access.expiresAt) })}</Text>
      <Text size="sm"><Text span fw={600}>{t('emergencyReview.reason')}:</Text> {access.reason}</Text>
      <Text size="sm"><Text span fw={600}>{t('emergencyReview.legalGround')}:</Text> {currentLanguage() === 'en' ? access.legalGround.titleEn : access.legalGround.titleSv} ({access.legalGround.reference})</Text>
      {access.review ? (
        <Text size="sm">{t('emergencyReview.reviewedBy', { outcome: t(`emergencyReview.outcomes.${access.review.outcome}`), name: access.review.reviewer.name, time: time(access.review.reviewedAt), comment: access.review.comment ?? '' })}</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t('emergencyReview.formLabel', { name: access.user.name, time: time(access.startsAt) })}>
          <Stack gap="xs">
            <Radio.Group label={t('emergencyReview.outcome')} value={outcome} onChange={(v) => { setOutcome(v as EmergencyReviewOutcome); setMissing((m) => ({ ...m, outcome: false })); }} error={missing.outcome ? t('emergencyReview.outcomeRequired') : undefined} required name={`outcome-${access.id}`}>
              <Group mt={4}>
                <Radio value="justified" label={t('emergencyReview.outcomes.justified')} />
                <Radio value="unjustified" label={t('emergencyReview.outcomes.unjustified')} />
              </Group>
            </Radio.Group>
            <Textarea label={t('emergencyReview.comment')} required value={comment} onChange={(e) => { setComment(e.currentTarget.value); setMissing((m) => ({ ...m, comment: false })); }} error={missing.comment ? t('emergencyReview.commentRequired') : undefined} aria-invalid={missing.comment || undefined} maxLength={2000} autosize minRows={2} />
            <Group justify="flex-end">
              <Button type="submit" loading={review.isPending}>{t('emergencyReview.submit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
