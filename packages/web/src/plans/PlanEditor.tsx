import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { carriedRevision, PlanCreateInput, PlanRevisionInput, planKinds, type PlanContents, type PlanKind, type PlanList, type PlanView } from '@samsyn/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../children/useDraft.ts';
import { refusalText, schemaErrors, serverFieldErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { formatDate } from '../common/format.ts';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { ChangeList } from './PlanDiff.tsx';
import { PlanContentsView } from './PlanContentsView.tsx';
import { ActionsFields, CoordinationFields, GoalsFields, NeedsFields } from './PlanEditorSections.tsx';
import { conflictOf, useCreatePlan, useSaveRevision, type PlanConflictDetails } from './usePlans.ts';

interface Draft {
  kind: PlanKind;
  consentId: string;
  /** The revision the edit started from: a save on a stale one is told of the conflict. */
  baseRevision: number;
  contents: PlanContents;
  note: string;
}

const emptyContents: PlanContents = { title: '', childViews: '', guardianViews: '', needs: [], goals: [], actions: [], noOthersTakePart: false, coordination: { overallResponsibility: null, planningLeadUserId: null }, nextFollowUpOn: null };

/**
 * Starts a plan or saves a new revision of one. The draft is kept in the tab's storage as the
 * user types (a reload loses nothing), with the revision it started from; a save on a stale one
 * shows both versions, and the user chooses whose to go on from.
 */
export function PlanEditor({ childId, plan, options, onCancel, onSaved }: { childId: string; plan: PlanView | null; options: Pick<PlanList, 'consentOptions' | 'leadOptions'>; onCancel: () => void; onSaved: (view: PlanView) => void }) {
  const { t } = useTranslation();
  const head = plan ? carriedRevision(plan, (r) => r.number === plan.headRevision) : undefined;
  const initial: Draft = { kind: plan?.kind ?? 'child_plan', consentId: plan?.consentId ?? options.consentOptions[0]?.id ?? '', baseRevision: plan?.headRevision ?? 1, contents: head?.contents ?? emptyContents, note: '' };
  const [draft, setDraft, discard] = useDraft<Draft>(`plan:${childId}:${plan?.id ?? 'new'}`, initial);
  const create = useCreatePlan(childId);
  const save = useSaveRevision(childId, plan?.id ?? '');
  const mutation = plan ? save : create;
  const { errors, fail, clear, formRef } = useFormErrors();
  const conflict = conflictOf(save.error);
  const setContents = (contents: PlanContents) => setDraft({ ...draft, contents });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = plan
      ? PlanRevisionInput.safeParse({ baseRevision: draft.baseRevision, contents: draft.contents, ...(draft.note ? { note: draft.note } : {}) })
      : PlanCreateInput.safeParse({ kind: draft.kind, consentId: draft.consentId, contents: draft.contents });
    if (!parsed.success) {
      fail(schemaErrors(parsed.error.issues, t));
      return;
    }
    clear();
    const done = { onSuccess: (view: PlanView) => { discard(); onSaved(view); }, onError: (error: Error) => fail(serverFieldErrors(error, t)) };
    if (plan) save.mutate(parsed.data as PlanRevisionInput, done);
    else create.mutate(parsed.data as PlanCreateInput, done);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('plans.draftKept')}</Text>
        {conflict ? (
          <ConflictPanel conflict={conflict} onKeepMine={() => { setDraft({ ...draft, baseRevision: conflict.headRevision }); save.reset(); }} onUseTheirs={() => { if (conflict.theirs) setDraft({ ...draft, baseRevision: conflict.headRevision, contents: conflict.theirs.contents }); save.reset(); }} />
        ) : (
          <FormError text={mutation.isError ? refusalText(mutation.error, t, currentLanguage()) : null} />
        )}
        {!plan && (
          <>
            <Select label={t('plans.fields.kind')} data={planKinds.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))} value={draft.kind} onChange={(v) => v && setDraft({ ...draft, kind: v as PlanKind })} allowDeselect={false} required />
            <Select
              label={t('plans.fields.consent')}
              data={options.consentOptions.map((c) => ({ value: c.id, label: t('plans.fields.consentOption', { parties: c.parties.join(', '), from: c.validFrom, to: c.validTo ?? t('plans.fields.untilFurther') }) }))}
              value={draft.consentId || null}
              onChange={(v) => v && setDraft({ ...draft, consentId: v })}
              error={errors.consentId}
              allowDeselect={false}
              required
            />
          </>
        )}
        <TextInput label={t('plans.fields.title')} required value={draft.contents.title} onChange={(e) => setContents({ ...draft.contents, title: e.currentTarget.value })} error={errors['contents.title']} aria-invalid={Boolean(errors['contents.title']) || undefined} maxLength={200} />
        <Textarea label={t('plans.fields.childViews')} value={draft.contents.childViews} onChange={(e) => setContents({ ...draft.contents, childViews: e.currentTarget.value })} autosize minRows={2} maxLength={4000} />
        <Textarea label={t('plans.fields.guardianViews')} value={draft.contents.guardianViews} onChange={(e) => setContents({ ...draft.contents, guardianViews: e.currentTarget.value })} autosize minRows={2} maxLength={4000} />
        <NeedsFields contents={draft.contents} onChange={setContents} errors={errors} />
        <GoalsFields contents={draft.contents} onChange={setContents} errors={errors} />
        <ActionsFields contents={draft.contents} onChange={setContents} errors={errors} />
        <CoordinationFields contents={draft.contents} onChange={setContents} errors={errors} leadOptions={options.leadOptions} />
        {plan && <TextInput label={t('plans.fields.note')} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })} maxLength={1000} />}
        <FormActions onCancel={() => { discard(); onCancel(); }} saving={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** Both versions side by side: the one saved meanwhile and the user's own, with what differs. */
function ConflictPanel({ conflict, onKeepMine, onUseTheirs }: { conflict: PlanConflictDetails; onKeepMine: () => void; onUseTheirs: () => void }) {
  const { t } = useTranslation();
  const theirs = conflict.theirs;
  return (
    <Alert color="orange" variant="light" role="alert" title={t('plans.conflict.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dark.8">{t('plans.conflict.text')}</Text>
        {theirs ? (
          <>
            <Title order={3} size="h5">{t('plans.conflict.differences')}</Title>
            <ChangeList from={theirs.contents} to={conflict.yours} />
            <section aria-label={t('plans.conflict.theirs', { name: theirs.authorName, time: formatDate(theirs.savedAt), number: theirs.number })}>
              <Title order={3} size="h5">{t('plans.conflict.theirs', { name: theirs.authorName, time: formatDate(theirs.savedAt), number: theirs.number })}</Title>
              <PlanContentsView contents={theirs.contents} leadName={null} headingLevel={4} />
            </section>
          </>
        ) : (
          <Text size="sm">{t('plans.conflict.hidden')}</Text>
        )}
        <section aria-label={t('plans.conflict.yours')}>
          <Title order={3} size="h5">{t('plans.conflict.yours')}</Title>
          <PlanContentsView contents={conflict.yours} leadName={null} headingLevel={4} />
        </section>
        <Group>
          <Button onClick={onKeepMine}>{t('plans.conflict.keepMine')}</Button>
          {theirs && <Button variant="default" onClick={onUseTheirs}>{t('plans.conflict.useTheirs')}</Button>}
        </Group>
      </Stack>
    </Alert>
  );
}
