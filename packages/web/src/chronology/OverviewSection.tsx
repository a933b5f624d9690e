import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ChildOverview, ChronologyEvent, WheelModelList, WheelView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { useWheelModels } from '../wellbeing/useWellbeing.ts';
import { LatestWheel } from '../wellbeing/WheelCharts.tsx';

/**
 * The overview's wheel as the record's radar draws it. The radar reads each assessment's ratings
 * and its model version (for the scale's words); the overview carries nothing more, so the rest
 * of an assessment is left empty here.
 */
function asWheel(overview: ChildOverview, models: WheelModelList): WheelView {
  return {
    assessments: overview.wheel.latest.map((a) => ({
      id: a.id,
      respondent: a.respondent,
      via: a.respondent === 'professional' ? 'professional' : 'meeting',
      occurredOn: a.occurredOn,
      modelVersionId: a.modelVersionId,
      modelVersion: models.versions.find((v) => v.id === a.modelVersionId)?.version ?? 0,
      answers: a.ratings.map((r) => ({ area: r.area, rating: r.rating, strengths: '', worries: '' })),
      important: '',
      organisationName: a.organisationName ?? '',
      secrecyDomainName: a.secrecyDomainName ?? '',
      recordedBy: a.recordedBy ?? '',
      createdAt: a.recordedAt,
    })),
    models: models.versions.map((v) => ({ id: v.id, version: v.version, content: v.content })),
    sharedFromOthers: overview.wheel.sharedFromOthers,
    canRecord: false,
  };
}

/** The latest wheel from each respondent and the open concerns, from the page's one look. */
export function OverviewSection({ childId, overview }: { childId: string; overview: ChildOverview }) {
  const { t } = useTranslation();
  const models = useWheelModels();
  const { concerns } = overview;
  return (
    <section aria-labelledby="overview-heading" className="page-panel">
      <Stack gap="md" p="lg">
        <Title order={2} size="h3" id="overview-heading">{t('chronology.overview.title')}</Title>
        <Title order={3} size="h4">{t('chronology.overview.wheel')}</Title>
        {!overview.wheel.sharedFromOthers && (
          <Alert color="gray" variant="light" p="xs"><Text size="sm" c="dark.8">{t('consentParties.record.notShared')}</Text></Alert>
        )}
        {overview.wheel.latest.length === 0 ? (
          <Text size="sm" c="dimmed">{t('chronology.overview.noWheel')}</Text>
        ) : models.isPending ? (
          <Loading />
        ) : models.isError ? (
          <LoadError error={models.error} onRetry={() => void models.refetch()} />
        ) : (
          <LatestWheel wheel={asWheel(overview, models.data)} model={models.data.current.content} />
        )}
        <Title order={3} size="h4">{t('chronology.overview.concerns')}</Title>
        {!concerns.sharedFromOthers && (
          <Alert color="gray" variant="light" p="xs"><Text size="sm" c="dark.8">{t('concerns.notShared')}</Text></Alert>
        )}
        {concerns.open.length === 0 ? (
          <Text size="sm" c="dimmed">{t('chronology.overview.noConcerns')}</Text>
        ) : (
          <>
            {concerns.total > concerns.open.length && <Text size="sm">{t('chronology.overview.concernsShown', { shown: concerns.open.length, count: concerns.total })}</Text>}
            <Stack gap="sm" component="ul" className="plain-list">
              {concerns.open.map((c) => <ConcernItem key={c.id} concern={c} />)}
            </Stack>
          </>
        )}
        <Anchor component={Link} to={`/child/${childId}`} size="sm">{t('chronology.overview.more')}</Anchor>
      </Stack>
    </section>
  );
}

const levelColour = { observation: 'gray', concern: 'orange', serious_concern: 'red' } as const;

function ConcernItem({ concern }: { concern: ChronologyEvent }) {
  const { t } = useTranslation();
  const d = concern.details;
  return (
    <li className="record-entry">
      <Group gap="xs">
        {/* The level in words, not only colour. */}
        {d.level && <Badge color={levelColour[d.level]} variant="light" tt="none">{t(`concerns.levels.${d.level}`)}</Badge>}
        <Text size="sm" fw={600}>{(d.areas ?? []).map((a) => t(`concerns.areas.${a}`)).join(', ')}</Text>
      </Group>
      <Text size="sm" mt={4}>{d.description}</Text>
      <Text size="xs" c="dimmed">
        {[formatDate(concern.occurredOn), concern.by, concern.organisation?.name, concern.secrecyDomain?.name].filter(Boolean).join(' · ')}
      </Text>
    </li>
  );
}
