import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../common/errors.ts';
import { FormError } from '../common/FormActions.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { useIssueCode } from './useWellbeing.ts';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Gives the child or a guardian a one-time code (and its link) for their own view, shown once. */
export function IssueCode({ childId, onClose }: { childId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [respondent, setRespondent] = useState<'child' | 'guardian'>('child');
  const issue = useIssueCode(childId);
  const issued = issue.data;
  if (issued) {
    const link = `${window.location.origin}${issued.path}`;
    return (
      <Stack gap="md">
        <Text>{t(`wellbeing.code.given.${issued.respondent}`)}</Text>
        <Text component="p" fz={32} fw={700} ff="monospace" ta="center" data-testid="one-time-code" aria-label={t('wellbeing.code.codeLabel', { code: issued.code.split('').join(' ') })}>{issued.code}</Text>
        <Text size="sm">{t('wellbeing.code.link')} <Text span ff="monospace" style={{ wordBreak: 'break-all' }}>{link}</Text></Text>
        <Text size="sm">{t('wellbeing.code.expires', { time: timeFormat.format(new Date(issued.expiresAt)) })}</Text>
        <Group justify="flex-end"><Button onClick={onClose}>{t('common.close')}</Button></Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm">{t('wellbeing.code.explain')}</Text>
      <Radio.Group label={t('wellbeing.code.forWhom')} value={respondent} onChange={(v) => setRespondent(v === 'guardian' ? 'guardian' : 'child')}>
        <Stack gap="xs" mt="xs">
          <Radio value="child" label={t('wellbeing.respondents.child')} />
          <Radio value="guardian" label={t('wellbeing.respondents.guardian')} />
        </Stack>
      </Radio.Group>
      <FormError text={issue.error ? errorText(issue.error, t, currentLanguage()) : null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
        <Button onClick={() => issue.mutate(respondent)} loading={issue.isPending}>{t('wellbeing.code.give')}</Button>
      </Group>
    </Stack>
  );
}
