import { Button, Modal, Stack, Textarea } from '@mantine/core';
import { PdsaUpdate, type ProjectView } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useImprovementChange } from './useImprovement.ts';

/**
 * A cycle's do and study, written as the test runs: a cycle is planned first and its notes come
 * later, so a team member opens them from the log (the act closes it, in its own cell).
 */
export function PdsaNotes({ projectId, cycle }: { projectId: string; cycle: ProjectView['pdsa'][number] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [doNotes, setDoNotes] = useState(cycle.doNotes);
  const [study, setStudy] = useState(cycle.study);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useImprovementChange(`/api/improvement/projects/${projectId}/pdsa/${cycle.id}`, 'PATCH');
  const submit = () => {
    const parsed = PdsaUpdate.safeParse({ doNotes, study });
    if (!parsed.success) return setProblem(t('validation.tooLong', { max: 4000 }));
    setProblem(null);
    save.mutate(parsed.data, { onSuccess: () => setOpen(false) });
  };
  const failure = problem ?? (save.error ? errorText(save.error, t, currentLanguage()) : null);
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => { setDoNotes(cycle.doNotes); setStudy(cycle.study); setOpen(true); }} aria-label={t('improvementForms.pdsaNotesFor', { title: cycle.title })}>{t('improvementForms.pdsaNotes')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('improvementForms.pdsaNotesTitle', { title: cycle.title })}>
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <Stack gap="sm">
            <FormError text={failure} />
            <Textarea label={t('improvement.do')} value={doNotes} onChange={(e) => setDoNotes(e.currentTarget.value)} autosize minRows={3} data-autofocus />
            <Textarea label={t('improvement.study')} value={study} onChange={(e) => setStudy(e.currentTarget.value)} autosize minRows={3} />
            <FormActions onCancel={() => setOpen(false)} saving={save.isPending} submitLabel={t('improvementForms.saveNotes')} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
