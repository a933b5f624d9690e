import { NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EarlySignalRule, isSystemAdmin } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';

type Rule = { minConcerns: number; minDomains: number; windowDays: number };
interface RuleList {
  fallback: Rule;
  organisations: { organisationId: string; rule: Rule }[];
}

const rulesKey = ['early-signal-rules'] as const;

/** Administration: the early-signal rule of a municipality the caller administers (and, for a system administrator, the county's default). */
export function EarlySignalRulePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const rules = useQuery({ queryKey: rulesKey, queryFn: () => api<RuleList>('GET', '/api/early-signal-rules') });
  const organisations = useOrganisations();
  const choices = [
    ...(isSystemAdmin(me) ? [{ value: 'default', label: t('concerns.rule.default') }] : []),
    ...(organisations.data ?? []).filter((o) => o.administrable && o.kind === 'municipality').map((o) => ({ value: o.id, label: o.name })),
  ];
  const [target, setTarget] = useState<string | null>(null);
  const chosen = target ?? choices[0]?.value ?? null;
  return (
    <Stack gap="md" maw={760}>
      <div>
        <PageTitle>{t('concerns.rule.title')}</PageTitle>
        <Text c="dimmed" mt={4}>{t('concerns.rule.intro')}</Text>
      </div>
      {rules.isPending || organisations.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <LoadError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Stack gap="md" className="page-panel" p="lg">
          <Select label={t('concerns.rule.for')} data={choices} value={chosen} onChange={setTarget} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          {chosen && <RuleForm key={chosen} target={chosen} rule={chosen === 'default' ? rules.data.fallback : (rules.data.organisations.find((o) => o.organisationId === chosen)?.rule ?? rules.data.fallback)} />}
        </Stack>
      )}
    </Stack>
  );
}

function RuleForm({ target, rule }: { target: string; rule: Rule }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useStatus();
  const [draft, setDraft] = useState<Rule>(rule);
  const { errors, fail, clear, formRef } = useFormErrors();
  const save = useMutation({
    mutationFn: (next: Rule) => api<Rule>('PATCH', `/api/early-signal-rules/${target}`, next),
    onSuccess: () => {
      status.success(t('concerns.rule.saved'));
      return client.invalidateQueries({ queryKey: rulesKey });
    },
  });
  const field = (key: keyof Rule, max: number) => (
    <NumberInput label={t(`concerns.rule.${key}`)} min={1} max={max} allowDecimal={false} required value={draft[key]} onChange={(v) => setDraft({ ...draft, [key]: typeof v === 'number' ? v : Number.NaN })} error={errors[key]} aria-invalid={Boolean(errors[key]) || undefined} />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = EarlySignalRule.safeParse(draft);
    if (!parsed.success) {
      fail(schemaErrors(parsed.error.issues, t));
      return;
    }
    clear();
    save.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <StatusMessage status={status.status} onClose={status.clear} />
        <FormError text={save.isError ? refusalText(save.error, t, currentLanguage()) : null} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {field('minConcerns', 100)}
          {field('minDomains', 20)}
          {field('windowDays', 3650)}
        </SimpleGrid>
        <Text size="sm">{t('concerns.rule.summary', { concerns: draft.minConcerns, domains: draft.minDomains, days: draft.windowDays })}</Text>
        <FormActions onCancel={() => setDraft(rule)} saving={save.isPending} />
      </Stack>
    </form>
  );
}
