import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { AgreementReminderList } from '@samsyn/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { formatDate } from '../common/format.ts';

/**
 * The start page's reminders from the agreements area: an agreement the caller owns due for
 * revision, a unit they answer for below a training target. Nothing is shown when there are none.
 */
export function AgreementReminders() {
  const { t } = useTranslation();
  const reminders = useQuery({ queryKey: ['agreements', 'reminders'], queryFn: () => api<AgreementReminderList>('GET', '/api/agreements/reminders') });
  const rows = reminders.data?.reminders ?? [];
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="agreement-reminders" className="page-panel">
      <Stack gap="xs" p="lg">
        <Title order={2} size="h3" id="agreement-reminders">{t('opsForms2.reminders.title')}</Title>
        <ul className="plain-list">
          {rows.map((r) => <li key={`${r.kind}-${r.subjectId}`}><Text>{t(`opsForms2.reminders.${r.kind}`, { title: r.title, date: r.dueOn ? formatDate(r.dueOn) : '' })}</Text></li>)}
        </ul>
        <Anchor component={Link} to="/operations/agreements">{t('opsForms2.reminders.open')}</Anchor>
      </Stack>
    </section>
  );
}
