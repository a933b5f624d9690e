import { Badge, Group } from '@mantine/core';
import type { NavCounts } from '@samsyn/core';
import type { TFunction } from 'i18next';

/** A navigation label with a count beside it: the number is seen, the words ("3 olästa notiser") are heard. */
export function NavLabel({ label, count, spoken }: { label: string; count: number; spoken: string }) {
  if (count === 0) return label;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <span>{label}</span>
      <Badge size="sm" variant="filled" color="samsyn" circle={count < 10} aria-hidden="true" className="nav-count">{count}</Badge>
      <span className="visually-hidden">{`(${spoken})`}</span>
    </Group>
  );
}

/** What the start page's count stands for, in words. */
export function startCountWords(counts: NavCounts, t: TFunction): string {
  return [
    counts.unreadNotices > 0 ? t('nav.counts.unreadNotices', { count: counts.unreadNotices }) : null,
    counts.emergencyAccessesToReview > 0 ? t('nav.counts.reviews', { count: counts.emergencyAccessesToReview }) : null,
  ].filter(Boolean).join(', ');
}
