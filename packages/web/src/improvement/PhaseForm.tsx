import { Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { MeasureUpdate, type MeasureView } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import { FormError } from '../common/FormActions.tsx';
import { useCheckedChange } from './useCheckedChange.ts';

/**
 * The measure's marked phase changes (offered when the measure's `canEdit`): the control chart's
 * limits are recomputed from each. A phase is marked from a date, or its mark removed; the server
 * keeps the list sorted and answers the charts anew.
 */
export function PhaseForm({ measure }: { measure: MeasureView }) {
  const { t } = useTranslation();
  const [startsOn, setStartsOn] = useState('');
  const { save, send, errors, failure, formRef } = useCheckedChange<MeasureView>(`/api/improvement/measures/${measure.id}`, { phaseStarts: startsOn }, 'PATCH');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty date is checked like the schema's other dates: the list would hold ''.
    send(MeasureUpdate.safeParse({ phaseStarts: [...measure.phaseStarts, startsOn] }), () => setStartsOn(''));
  };
  const remove = (day: string) => send(MeasureUpdate.safeParse({ phaseStarts: measure.phaseStarts.filter((d) => d !== day) }));
  const phaseError = Object.entries(errors).find(([k]) => k.startsWith('phaseStarts'))?.[1];
  return (
    <section aria-labelledby="phase-form">
      <Title order={2} id="phase-form">{t('improvementForms.phases')}</Title>
      <Text size="sm">{t('improvementForms.phasesIntro')}</Text>
      {measure.phaseStarts.length === 0 ? (
        <Text>{t('improvementForms.noPhases')}</Text>
      ) : (
        <List aria-label={t('improvementForms.phaseList')}>
          {measure.phaseStarts.map((d) => (
            <List.Item key={d}>
              <Group gap="xs">
                <span>{t('improvementForms.phaseFrom', { date: formatDate(d) })}</span>
                <Button size="compact-sm" variant="default" onClick={() => remove(d)} aria-label={t('improvementForms.removePhaseFor', { date: formatDate(d) })}>{t('improvementForms.removePhase')}</Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="xs" mt="xs">
          <FormError text={failure} />
          <Group align="flex-end">
            <TextInput type="date" label={t('improvementForms.phaseStart')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={phaseError} required />
            <Button type="submit" loading={save.isPending}>{t('improvementForms.markPhase')}</Button>
          </Group>
          {save.isSuccess && <Text role="status">{t('improvementForms.phasesSaved')}</Text>}
        </Stack>
      </form>
    </section>
  );
}
