import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { activityStatus, type GoalOutcome, type PlanContents, type PlanPart } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, today } from '../common/format.ts';

/** One revision's contents, read: the views, needs, goals with their follow-up, interventions by part, coordination. */
export function PlanContentsView({ contents, leadName, headingLevel = 3 }: { contents: PlanContents; leadName: string | null; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const order = headingLevel;
  const h = (text: string) => <Title order={order} size="h5" mt="sm">{text}</Title>;
  const empty = <Text size="sm" c="dimmed">{t('plans.contents.empty')}</Text>;
  return (
    <Stack gap={4}>
      {h(t('plans.fields.childViews'))}
      {contents.childViews ? <Text size="sm">{contents.childViews}</Text> : empty}
      {h(t('plans.fields.guardianViews'))}
      {contents.guardianViews ? <Text size="sm">{contents.guardianViews}</Text> : empty}
      {h(t('plans.fields.needs'))}
      {contents.needs.length === 0 ? empty : (
        <ul className="plain-list">
          {contents.needs.map((n) => (
            <li key={n.id}>
              <Text size="sm">{n.description}</Text>
              <Text size="xs" c="dimmed">{n.areas.map((a) => t(`concerns.areas.${a}`)).join(', ')}</Text>
            </li>
          ))}
        </ul>
      )}
      {h(t('plans.fields.goals'))}
      {contents.goals.length === 0 ? empty : (
        <ul className="plain-list">
          {contents.goals.map((g) => (
            <li key={g.id}>
              <Text size="sm" fw={600}>{g.wording}</Text>
              {g.childWords && <Text size="sm">{t('plans.contents.childWords', { words: g.childWords })}</Text>}
              <Text size="xs" c="dimmed">{t('plans.contents.target', { date: g.targetDate, area: t(`concerns.areas.${g.area}`) })}</Text>
              {g.evaluation && (
                <Text size="xs">{t('plans.contents.evaluation', { team: outcome(g.evaluation.team, t), child: outcome(g.evaluation.child, t), guardians: outcome(g.evaluation.guardians, t) })}{g.evaluation.note ? ` – ${g.evaluation.note}` : ''}</Text>
              )}
            </li>
          ))}
        </ul>
      )}
      {h(t('plans.fields.actions'))}
      {contents.actions.length === 0 ? empty : (
        <ul className="plain-list">
          {contents.actions.map((a) => (
            <li key={a.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>{a.what}</Text>
                <Badge variant="light" className="badge-inactive" tt="none">{t(`plans.activityStatuses.${activityStatus({ start: a.startsOn, end: a.endsOn, closedOn: a.closedOn, onHoldSince: a.onHoldSince }, today())}`)}</Badge>
              </Group>
              <Text size="xs" c="dimmed">{t('plans.contents.actionMeta', { part: partText(a.part, t), organisation: a.organisationName, responsible: a.responsible, start: a.startsOn, end: a.endsOn })}</Text>
            </li>
          ))}
        </ul>
      )}
      {contents.noOthersTakePart && <Text size="sm">{t('plans.contents.noOthers')}</Text>}
      {h(t('plans.fields.coordination'))}
      <Text size="sm">{t('plans.contents.responsibility', { who: t(`plans.principals.${contents.coordination.overallResponsibility ?? 'none'}`) })}</Text>
      {leadName && <Text size="sm">{t('plans.contents.lead', { name: leadName })}</Text>}
      <Text size="sm">{contents.nextFollowUpOn ? t('plans.contents.followUp', { date: formatDate(contents.nextFollowUpOn) }) : t('plans.contents.noFollowUp')}</Text>
    </Stack>
  );
}

export function outcome(value: GoalOutcome | null, t: TFunction): string {
  return t(`plans.outcomes.${value ?? 'none'}`);
}

export function partText(part: PlanPart, t: TFunction): string {
  return t(`plans.parts.${part}`);
}
