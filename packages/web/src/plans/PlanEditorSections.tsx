import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { goalOutcomes, planParts, planPrincipals, wellbeingAreaCodes, type GoalEvaluation, type PlanActionItem, type PlanContents, type PlanGoal, type PlanList, type PlanNeed, type WellbeingArea } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../common/errors.ts';
import { AreaChoices } from '../concerns/AreaChoices.tsx';

/** The repeating parts of the plan's form: needs, goals with their follow-up, interventions, coordination. */

interface SectionProps {
  contents: PlanContents;
  onChange: (next: PlanContents) => void;
  errors: FieldErrors;
}

const newId = () => crypto.randomUUID();
const err = (errors: FieldErrors, path: string) => errors[`contents.${path}`];
const invalid = (errors: FieldErrors, path: string) => Boolean(err(errors, path)) || undefined;

function replaceAt<T>(items: readonly T[], index: number, next: T): T[] {
  return items.map((item, i) => (i === index ? next : item));
}

export function NeedsFields({ contents, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const set = (i: number, next: PlanNeed) => onChange({ ...contents, needs: replaceAt(contents.needs, i, next) });
  return (
    <Fieldset legend={t('plans.fields.needs')}>
      <Stack gap="md">
        {contents.needs.map((n, i) => {
          const name = t('plans.fields.need', { n: i + 1 });
          return (
            <Stack key={n.id} gap="xs" className="record-entry">
              <Textarea label={`${name}: ${t('plans.fields.needDescription')}`} required value={n.description} onChange={(e) => set(i, { ...n, description: e.currentTarget.value })} error={err(errors, `needs.${i}.description`)} aria-invalid={invalid(errors, `needs.${i}.description`)} autosize minRows={2} maxLength={2000} />
              <AreaChoices label={`${name}: ${t('plans.fields.areas')}`} value={n.areas} onChange={(areas) => set(i, { ...n, areas })} error={err(errors, `needs.${i}.areas`)} required />
              <Group justify="flex-end"><Button variant="subtle" color="red" onClick={() => onChange({ ...contents, needs: contents.needs.filter((x) => x.id !== n.id), goals: contents.goals.map((g) => (g.needId === n.id ? { ...g, needId: null } : g)) })}>{t('plans.remove', { what: name })}</Button></Group>
            </Stack>
          );
        })}
        <Group><Button variant="light" onClick={() => onChange({ ...contents, needs: [...contents.needs, { id: newId(), description: '', areas: [] }] })}>{t('plans.add.need')}</Button></Group>
      </Stack>
    </Fieldset>
  );
}

export function GoalsFields({ contents, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const set = (i: number, next: PlanGoal) => onChange({ ...contents, goals: replaceAt(contents.goals, i, next) });
  const needOptions = [{ value: '', label: t('plans.fields.noLink') }, ...contents.needs.map((n, i) => ({ value: n.id, label: `${t('plans.fields.need', { n: i + 1 })}: ${n.description.slice(0, 60)}` }))];
  const areaOptions = wellbeingAreaCodes.map((a) => ({ value: a, label: t(`concerns.areas.${a}`) }));
  const outcomeOptions = [{ value: '', label: t('plans.outcomes.none') }, ...goalOutcomes.map((o) => ({ value: o, label: t(`plans.outcomes.${o}`) }))];
  const evaluation = (g: PlanGoal): GoalEvaluation => g.evaluation ?? { team: null, child: null, guardians: null, note: '' };
  const setEvaluation = (i: number, g: PlanGoal, patch: Partial<GoalEvaluation>) => {
    const next = { ...evaluation(g), ...patch };
    const empty = next.team === null && next.child === null && next.guardians === null && next.note === '';
    set(i, { ...g, evaluation: empty ? null : next });
  };
  return (
    <Fieldset legend={t('plans.fields.goals')}>
      <Stack gap="md">
        {contents.goals.map((g, i) => {
          const name = t('plans.fields.goal', { n: i + 1 });
          const e = evaluation(g);
          return (
            <Stack key={g.id} gap="xs" className="record-entry">
              <Textarea label={`${name}: ${t('plans.fields.wording')}`} description={t('plans.fields.wordingHint')} required value={g.wording} onChange={(ev) => set(i, { ...g, wording: ev.currentTarget.value })} error={err(errors, `goals.${i}.wording`)} aria-invalid={invalid(errors, `goals.${i}.wording`)} autosize minRows={2} maxLength={1000} />
              <TextInput label={t('plans.fields.childWords')} value={g.childWords} onChange={(ev) => set(i, { ...g, childWords: ev.currentTarget.value })} maxLength={1000} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select label={t('plans.fields.area')} data={areaOptions} value={g.area} onChange={(v) => v && set(i, { ...g, area: v as WellbeingArea })} allowDeselect={false} required />
                <TextInput type="date" label={t('plans.fields.targetDate')} required value={g.targetDate} onChange={(ev) => set(i, { ...g, targetDate: ev.currentTarget.value })} error={err(errors, `goals.${i}.targetDate`)} aria-invalid={invalid(errors, `goals.${i}.targetDate`)} />
                <Select label={t('plans.fields.needLink')} data={needOptions} value={g.needId ?? ''} onChange={(v) => set(i, { ...g, needId: v ? v : null })} allowDeselect={false} />
              </SimpleGrid>
              <Fieldset legend={`${name}: ${t('plans.fields.evaluation')}`} variant="unstyled">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select label={t('plans.fields.evalTeam')} data={outcomeOptions} value={e.team ?? ''} onChange={(v) => setEvaluation(i, g, { team: (v || null) as GoalEvaluation['team'] })} allowDeselect={false} />
                  <Select label={t('plans.fields.evalChild')} data={outcomeOptions} value={e.child ?? ''} onChange={(v) => setEvaluation(i, g, { child: (v || null) as GoalEvaluation['child'] })} allowDeselect={false} />
                  <Select label={t('plans.fields.evalGuardians')} data={outcomeOptions} value={e.guardians ?? ''} onChange={(v) => setEvaluation(i, g, { guardians: (v || null) as GoalEvaluation['guardians'] })} allowDeselect={false} />
                </SimpleGrid>
                <TextInput mt="xs" label={t('plans.fields.evalNote')} value={e.note} onChange={(ev) => setEvaluation(i, g, { note: ev.currentTarget.value })} maxLength={2000} />
              </Fieldset>
              <Group justify="flex-end"><Button variant="subtle" color="red" onClick={() => onChange({ ...contents, goals: contents.goals.filter((x) => x.id !== g.id), actions: contents.actions.map((a) => (a.goalId === g.id ? { ...a, goalId: null } : a)) })}>{t('plans.remove', { what: name })}</Button></Group>
            </Stack>
          );
        })}
        <Group><Button variant="light" onClick={() => onChange({ ...contents, goals: [...contents.goals, { id: newId(), needId: null, wording: '', childWords: '', area: 'achieving', targetDate: '', evaluation: null }] })}>{t('plans.add.goal')}</Button></Group>
      </Stack>
    </Fieldset>
  );
}

export function ActionsFields({ contents, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const set = (i: number, next: PlanActionItem) => onChange({ ...contents, actions: replaceAt(contents.actions, i, next) });
  const goalOptions = [{ value: '', label: t('plans.fields.noLink') }, ...contents.goals.map((g, i) => ({ value: g.id, label: `${t('plans.fields.goal', { n: i + 1 })}: ${g.wording.slice(0, 60)}` }))];
  const partOptions = planParts.map((p) => ({ value: p, label: t(`plans.parts.${p}`) }));
  const date = (i: number, a: PlanActionItem, key: 'startsOn' | 'endsOn', label: string) => (
    <TextInput type="date" label={label} required value={a[key]} onChange={(ev) => set(i, { ...a, [key]: ev.currentTarget.value })} error={err(errors, `actions.${i}.${key}`)} aria-invalid={invalid(errors, `actions.${i}.${key}`)} />
  );
  const optionalDate = (i: number, a: PlanActionItem, key: 'onHoldSince' | 'closedOn', label: string) => (
    <TextInput type="date" label={label} value={a[key] ?? ''} onChange={(ev) => set(i, { ...a, [key]: ev.currentTarget.value || null })} />
  );
  return (
    <Fieldset legend={t('plans.fields.actions')}>
      <Stack gap="md">
        {contents.actions.map((a, i) => {
          const name = t('plans.fields.action', { n: i + 1 });
          return (
            <Stack key={a.id} gap="xs" className="record-entry">
              <Textarea label={`${name}: ${t('plans.fields.what')}`} required value={a.what} onChange={(ev) => set(i, { ...a, what: ev.currentTarget.value })} error={err(errors, `actions.${i}.what`)} aria-invalid={invalid(errors, `actions.${i}.what`)} autosize minRows={2} maxLength={1000} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('plans.fields.part')} data={partOptions} value={a.part} onChange={(v) => v && set(i, { ...a, part: v as PlanActionItem['part'] })} allowDeselect={false} required />
                <Select label={t('plans.fields.goalLink')} data={goalOptions} value={a.goalId ?? ''} onChange={(v) => set(i, { ...a, goalId: v ? v : null })} allowDeselect={false} />
                <TextInput label={t('plans.fields.organisationName')} required value={a.organisationName} onChange={(ev) => set(i, { ...a, organisationName: ev.currentTarget.value })} error={err(errors, `actions.${i}.organisationName`)} aria-invalid={invalid(errors, `actions.${i}.organisationName`)} maxLength={200} />
                <TextInput label={t('plans.fields.responsible')} required value={a.responsible} onChange={(ev) => set(i, { ...a, responsible: ev.currentTarget.value })} error={err(errors, `actions.${i}.responsible`)} aria-invalid={invalid(errors, `actions.${i}.responsible`)} maxLength={200} />
                {date(i, a, 'startsOn', t('plans.fields.startsOn'))}
                {date(i, a, 'endsOn', t('plans.fields.endsOn'))}
                {optionalDate(i, a, 'onHoldSince', t('plans.fields.onHoldSince'))}
                {optionalDate(i, a, 'closedOn', t('plans.fields.closedOn'))}
              </SimpleGrid>
              <Group justify="flex-end"><Button variant="subtle" color="red" onClick={() => onChange({ ...contents, actions: contents.actions.filter((x) => x.id !== a.id) })}>{t('plans.remove', { what: name })}</Button></Group>
            </Stack>
          );
        })}
        <Group><Button variant="light" onClick={() => onChange({ ...contents, actions: [...contents.actions, { id: newId(), goalId: null, what: '', part: 'municipality', organisationName: '', responsible: '', startsOn: '', endsOn: '', onHoldSince: null, closedOn: null }] })}>{t('plans.add.action')}</Button></Group>
        <Checkbox label={t('plans.fields.noOthersTakePart')} checked={contents.noOthersTakePart} onChange={(ev) => onChange({ ...contents, noOthersTakePart: ev.currentTarget.checked })} />
      </Stack>
    </Fieldset>
  );
}

export function CoordinationFields({ contents, onChange, errors, leadOptions }: SectionProps & { leadOptions: PlanList['leadOptions'] }) {
  const { t } = useTranslation();
  const c = contents.coordination;
  const principals = [{ value: '', label: t('plans.principals.none') }, ...planPrincipals.map((p) => ({ value: p, label: t(`plans.principals.${p}`) }))];
  const leads = [{ value: '', label: t('plans.fields.noLink') }, ...leadOptions.map((l) => ({ value: l.userId, label: `${l.name}, ${l.organisationName}` }))];
  return (
    <Fieldset legend={t('plans.fields.coordination')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('plans.fields.overallResponsibility')} data={principals} value={c.overallResponsibility ?? ''} onChange={(v) => onChange({ ...contents, coordination: { ...c, overallResponsibility: (v || null) as typeof c.overallResponsibility } })} allowDeselect={false} />
        <Select label={t('plans.fields.planningLead')} data={leads} value={c.planningLeadUserId ?? ''} onChange={(v) => onChange({ ...contents, coordination: { ...c, planningLeadUserId: v ? v : null } })} error={err(errors, 'coordination.planningLeadUserId')} allowDeselect={false} />
        <TextInput type="date" label={t('plans.fields.nextFollowUpOn')} value={contents.nextFollowUpOn ?? ''} onChange={(ev) => onChange({ ...contents, nextFollowUpOn: ev.currentTarget.value || null })} />
      </SimpleGrid>
    </Fieldset>
  );
}
