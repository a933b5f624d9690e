import { Button, Group, Select } from '@mantine/core';
import { pdsaActs } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../common/format.ts';
import { useImprovementChange } from './useImprovement.ts';

/** Closes a running cycle with its act (adopt, adapt, abandon), ending it today. */
export function ActCell({ projectId, pdsaId, title }: { projectId: string; pdsaId: string; title: string }) {
  const { t } = useTranslation();
  const [act, setAct] = useState<string | null>(null);
  const save = useImprovementChange(`/api/improvement/projects/${projectId}/pdsa/${pdsaId}`, 'PATCH');
  return (
    <Group gap={4} wrap="nowrap" align="end">
      <Select aria-label={t('improvement.actFor', { title })} size="xs" data={pdsaActs.map((a) => ({ value: a, label: t(`improvement.acts.${a}`) }))} value={act} onChange={setAct} placeholder={t('improvement.act')} />
      <Button size="compact-sm" disabled={!act} loading={save.isPending} onClick={() => save.mutate({ act, endsOn: today() })} aria-label={t('improvement.saveActFor', { title })}>{t('improvement.saveAct')}</Button>
    </Group>
  );
}
