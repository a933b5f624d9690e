import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { PlanView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import { RevisionCompare } from './PlanDiff.tsx';
import { useOlderRevisions } from './usePlans.ts';

/**
 * The plan's versions: the newest come with the plan; older ones are read a page at a time when
 * asked for (each page a look), and any two of those shown can be compared.
 */
export function RevisionHistory({ childId, plan }: { childId: string; plan: PlanView }) {
  const { t } = useTranslation();
  const older = useOlderRevisions(childId, plan.id, plan.olderRevisionsBefore);
  // The one in force may be older than the newest the view lists: a page that reaches it lists it again.
  const byNumber = new Map([...older.revisions, ...plan.revisions].map((r) => [r.number, r] as const));
  const revisions = [...byNumber.values()].sort((a, b) => b.number - a.number);
  // Numbers run 1, 2, 3 … with every save: a gap among those the list spans is a version the caller may not read.
  const hidden = revisions.filter((r) => r.number >= older.spannedFrom).length < plan.headRevision - older.spannedFrom + 1;
  return (
    <section aria-labelledby="revisions-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="revisions-heading">{t('plans.revisions.title')}</Title>
        <Stack gap="xs" component="ul" className="plain-list">
          {revisions.map((r) => (
            <li key={r.number} className="record-entry">
              <Group gap="xs">
                <Text size="sm" fw={600}>{t('plans.revisions.meta', { number: r.number, author: r.authorName, organisation: r.organisationName, time: formatDate(r.savedAt) })}</Text>
                <Badge variant="light" tt="none" className={r.state === 'in_force' ? 'badge-active' : r.state === 'superseded' ? 'badge-inactive' : undefined}>{t(`plans.revisionStates.${r.state}`)}</Badge>
              </Group>
              <Text size="xs" c="dimmed">{t('plans.revisions.domain', { domain: r.secrecyDomainName })}</Text>
              {r.note && <Text size="sm">{r.note}</Text>}
            </li>
          ))}
        </Stack>
        {hidden && <Text size="sm" c="dimmed">{t('plans.revisions.hiddenSome')}</Text>}
        {older.isError && <Text size="sm" className="text-error" role="alert">{t('plans.revisions.loadFailed')}</Text>}
        {older.canLoadMore && (
          <Group>
            <Button variant="default" onClick={older.loadMore} loading={older.isLoading}>{t('plans.revisions.showOlder')}</Button>
          </Group>
        )}
        <RevisionCompare childId={childId} planId={plan.id} revisions={revisions} />
      </Stack>
    </section>
  );
}
