import { Anchor, Stack, Text, Title } from '@mantine/core';
import { formatStockholmDateTime, type Me } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { isLogReviewer } from '../log-review/useLogReview.ts';
import { EarlySignals } from '../concerns/EarlySignals.tsx';
import { useEmergencyReviewsWaiting, usePendingHandovers, useTeamChildren } from './useStart.ts';

/**
 * What waits for the user's action: handovers to answer, the early-signal suggestions for the
 * children they are named person of (from "Mina barn", the same fetch) and, for reviewers,
 * emergency accesses to review.
 */
export function WaitingSection({ me, professional }: { me: Me; professional: boolean }) {
  const { t } = useTranslation();
  const reviewer = isLogReviewer(me);
  const handovers = usePendingHandovers(professional);
  const reviews = useEmergencyReviewsWaiting(reviewer);
  const team = useTeamChildren(professional);
  const pending = handovers.data?.handovers ?? [];
  const accesses = reviews.data?.accesses ?? [];
  // One line per child, whatever places on its team the caller holds.
  const signals = [...new Map((team.data?.children ?? []).filter((c) => c.waiting.some((w) => w.kind === 'early_signal')).map((c) => [c.childId, c])).values()];
  const loading = (professional && handovers.isPending) || (reviewer && reviews.isPending);
  const failed = handovers.isError ? handovers : reviews.isError ? reviews : null;
  return (
    <section aria-labelledby="waiting-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="waiting-heading">{t('start.waitingHeading')}</Title>
        {loading ? (
          <Loading />
        ) : failed ? (
          <LoadError error={failed.error} onRetry={() => void failed.refetch()} />
        ) : pending.length === 0 && accesses.length === 0 && signals.length === 0 ? (
          <Text c="dimmed">{t('start.nothingWaiting')}</Text>
        ) : (
          <>
            {pending.length > 0 && (
              <div>
                <Title order={3} size="h4" id="waiting-handovers">{t('start.handoversToAnswer', { count: pending.length })}</Title>
                <ul className="plain-list" aria-labelledby="waiting-handovers">
                  {pending.map((h) => (
                    <li key={h.id}>
                      <Text size="sm">
                        {t('start.handoverLine', { child: h.childName ? childName(h.childName, t) : t('notices.aChild'), name: h.proposedBy.displayName, stage: t(`handovers.lifeStages.${h.lifeStage}`) })}
                      </Text>
                    </li>
                  ))}
                </ul>
                <Anchor component={Link} to="/child/handovers" size="sm" fw={600}>{t('start.answerHandovers')}</Anchor>
              </div>
            )}
            <EarlySignals signals={signals} />
            {accesses.length > 0 && (
              <div>
                <Title order={3} size="h4" id="waiting-reviews">{t('start.reviewsToDo', { count: accesses.length })}</Title>
                <ul className="plain-list" aria-labelledby="waiting-reviews">
                  {accesses.map((a) => (
                    <li key={a.id}>
                      <Text size="sm">
                        {t('start.reviewLine', { name: a.user.name, time: formatStockholmDateTime(new Date(a.startsAt)), child: a.child.identityNumber ?? t('logReview.protectedChild') })}
                      </Text>
                    </li>
                  ))}
                </ul>
                <Anchor component={Link} to="/operations/log-review" size="sm" fw={600}>{t('start.reviewLink')}</Anchor>
              </div>
            )}
          </>
        )}
      </Stack>
    </section>
  );
}
