import { Anchor, Text, Title } from '@mantine/core';
import type { TeamChild } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childName } from '../children/text.ts';

/**
 * The early-signal suggestions in the start page's "Att göra": one line per child the caller is
 * named person of where the rule fires, the same words for every child whatever lies behind them.
 * The children come from "Mina barn" (its `early_signal` items), so showing them is no further look.
 */
export function EarlySignals({ signals }: { signals: readonly Pick<TeamChild, 'childId' | 'name'>[] }) {
  const { t } = useTranslation();
  if (signals.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h4" id="waiting-early-signals">{t('start.earlySignals', { count: signals.length })}</Title>
      <ul className="plain-list" aria-labelledby="waiting-early-signals">
        {signals.map((c) => (
          <li key={c.childId}>
            <Text size="sm">
              <Anchor component={Link} to={`/child/${c.childId}`} fw={600}>{childName(c.name, t)}</Anchor>: {t('concerns.earlySignal.consider_consent_for_meeting')}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
