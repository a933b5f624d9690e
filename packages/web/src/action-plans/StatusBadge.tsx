import { Badge } from '@mantine/core';
import type { ActivityStatus } from '@samsyn/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Each status has a word, a symbol and a colour, so it never rests on colour alone. The colours
 * are dark text on a pale ground, each pair above 4.5:1 (WCAG AA for the badge's small text).
 */
const look: Record<ActivityStatus, { symbol: string; fg: string; bg: string }> = {
  not_started: { symbol: '○', fg: '#495057', bg: '#f1f3f5' },
  ongoing: { symbol: '▶', fg: '#1864ab', bg: '#e7f1fb' },
  soon_late: { symbol: '⚠', fg: '#8a3c00', bg: '#fff0e0' },
  late: { symbol: '✕', fg: '#a51111', bg: '#fde8e8' },
  on_hold: { symbol: '❚❚', fg: '#6b2178', bg: '#f5e9f8' },
  closed: { symbol: '✓', fg: '#1e6b2e', bg: '#e6f4e9' },
};

/** A badge in one of the pairs above (also for the tasks' kinds). */
export function ToneBadge({ tone, symbol, children }: { tone: ActivityStatus; symbol: string; children: ReactNode }) {
  const { fg, bg } = look[tone];
  return (
    <Badge variant="light" leftSection={<span aria-hidden="true">{symbol}</span>} style={{ whiteSpace: 'nowrap', '--badge-color': fg, '--badge-bg': bg } as CSSProperties}>
      {children}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <span className={`status-${status}`}><ToneBadge tone={status} symbol={look[status].symbol}>{t(`actionPlans.statuses.${status}`)}</ToneBadge></span>;
}
