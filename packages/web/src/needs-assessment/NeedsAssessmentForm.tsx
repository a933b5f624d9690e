import { Button, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { needsProposals, practitionerQuestions, stockholmDate, subAreasOf, type NeedsAssessmentView, type NeedsConfigContent, type NeedsProposal, type NeedsRevisionView, type NeedsStatus, type PractitionerQuestion } from '@samsyn/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useDraft } from '../children/useDraft.ts';
import { refusalText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { contentOf, draftFrom, type NeedsDraft } from './draft.ts';
import { MatrixFields } from './MatrixFields.tsx';
import { TriangleFields } from './TriangleFields.tsx';
import { useSaveNeedsAssessment } from './useNeedsAssessments.ts';
import './needs-assessment.css';
import { now } from '../common/clock.ts';

interface Props {
  childId: string;
  /** The configuration version the assessment is made in: the current one for a new assessment, its own for a revision. */
  config: { id: string; content: NeedsConfigContent };
  /** For a new revision: the assessment and the revision it is edited from. */
  editing: { assessmentId: string; from: NeedsRevisionView } | null;
  onCancel: () => void;
  onSaved: (saved: NeedsAssessmentView, status: NeedsStatus) => void;
}

/**
 * The needs assessment, led by the five questions a practitioner asks: the triangle answers what
 * stands in the way, the resilience matrix weighs what is known, and the assessment ends in a
 * summary and a proposal. The draft is kept in the tab while it is written (and saved on the
 * server as a draft revision when asked); a final save needs the summary and the proposal.
 */
export function NeedsAssessmentForm({ childId, config, editing, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const save = useSaveNeedsAssessment(childId, editing?.assessmentId ?? null);
  const initial = useMemo(() => draftFrom(editing?.from ?? null, stockholmDate(now())), [editing]);
  const [draft, setDraft, discard] = useDraft<NeedsDraft>(`samsyn.needs.${childId}.${editing ? `${editing.assessmentId}.${editing.from.revision}` : 'new'}`, initial);
  const { errors, fail, clear, formRef } = useFormErrors({ summary: draft.summary, proposal: draft.proposal, occurredOn: draft.occurredOn });
  const [saving, setSaving] = useState<NeedsStatus | null>(null);
  const order = useMemo(() => subAreasOf(config.content).map((s) => s.code), [config]);
  const set = <K extends keyof NeedsDraft>(key: K, value: NeedsDraft[K]) => setDraft({ ...draft, [key]: value });

  function send(status: NeedsStatus) {
    const found: Record<string, string> = {};
    if (!draft.occurredOn) found.occurredOn = t('validation.required');
    if (status === 'final' && !draft.summary.trim()) found.summary = t('needs.form.finalNeeds');
    if (status === 'final' && !draft.proposal) found.proposal = t('needs.form.finalNeeds');
    if (Object.keys(found).length > 0) return fail(found);
    clear();
    setSaving(status);
    const input = { ...contentOf(draft, order), configVersionId: config.id, status, ...(editing ? { basedOn: editing.from.revision } : {}) };
    save.mutate(input, {
      onSuccess: (saved) => {
        discard();
        onSaved(saved, status);
      },
      onSettled: () => setSaving(null),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send('final');
  }

  const dateIssue = isApiError(save.error, 400) ? save.error.fieldIssues().get('occurredOn')?.[0]?.message : undefined;
  const failure = save.error ? failureText(save.error, t) : null;
  const question = (q: PractitionerQuestion, n: number, children?: ReactNode) => (
    <section aria-labelledby={`needs-q-${q}`} className="page-panel needs-question">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id={`needs-q-${q}`}>{t('needs.questions.numbered', { n, question: t(`needs.questions.${q}`) })}</Title>
        <Text size="sm" c="dimmed">{t(`needs.questionHints.${q}`)}</Text>
        {children}
        <Textarea label={t('needs.form.answer', { n })} autosize minRows={2} maxLength={4000} value={draft.questions[q]} onChange={(e) => set('questions', { ...draft.questions, [q]: e.currentTarget.value })} />
      </Stack>
    </section>
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('needs.form.title')}>
      <Stack gap="lg">
        <Text>{t('needs.form.intro')}</Text>
        <TextInput type="date" label={t('needs.form.occurredOn')} required maw={240} value={draft.occurredOn} onChange={(e) => set('occurredOn', e.currentTarget.value)} error={errors.occurredOn ?? (dateIssue ? t('needs.form.dateInvalid') : undefined)} aria-invalid={Boolean(errors.occurredOn ?? dateIssue) || undefined} />
        {question(practitionerQuestions[0], 1, <TriangleFields config={config.content} value={draft.subAreas} onChange={(code, change) => set('subAreas', { ...draft.subAreas, [code]: { ...(draft.subAreas[code] ?? { strengths: '', challenges: '' }), ...change } })} />)}
        {question(practitionerQuestions[1], 2, <MatrixFields config={config.content} value={draft.matrix} onChange={(q, change) => set('matrix', { ...draft.matrix, [q]: { ...draft.matrix[q], ...change } })} />)}
        {practitionerQuestions.slice(2).map((q, i) => <div key={q}>{question(q, i + 3)}</div>)}
        <section aria-labelledby="needs-summary-heading" className="page-panel">
          <Stack gap="sm" p="lg">
            <Title order={2} size="h3" id="needs-summary-heading">{t('needs.form.summaryHeading')}</Title>
            <Textarea label={t('needs.form.summary')} description={t('needs.form.summaryHint')} autosize minRows={3} maxLength={8000} value={draft.summary} onChange={(e) => set('summary', e.currentTarget.value)} error={errors.summary} aria-invalid={Boolean(errors.summary) || undefined} />
            <Radio.Group label={t('needs.form.proposal')} description={t('needs.form.proposalHint')} value={draft.proposal ?? ''} onChange={(v) => set('proposal', v as NeedsProposal)} error={errors.proposal}>
              <Stack gap={6} mt={6}>
                {needsProposals.map((p) => <Radio key={p} value={p} label={t(`needs.proposals.${p}`)} aria-invalid={Boolean(errors.proposal) || undefined} />)}
              </Stack>
            </Radio.Group>
          </Stack>
        </section>
        <FormError text={failure} />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button variant="light" onClick={() => send('draft')} loading={saving === 'draft'} disabled={saving === 'final'}>{t('needs.form.saveDraft')}</Button>
          <Button type="submit" loading={saving === 'final'} disabled={saving === 'draft'}>{t('needs.form.saveFinal')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The area's own refusals in its words; anything else as the shared catalogue says it. */
function failureText(error: Error, t: TFunction): string {
  if (isApiError(error) && (error.reason === 'stale_version' || error.reason === 'other_secrecy_domain')) return t(`needs.refusals.${error.reason}`);
  return refusalText(error, t, currentLanguage());
}
