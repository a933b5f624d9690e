import { Checkbox, Radio, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DisclosureInput, disclosureDecisions, infoCategories, type DisclosureDecision, type InfoCategory, type LegalGroundKind } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { useConsents } from '../consent/useConsents.ts';
import { currentLanguage } from '../i18n/index.ts';
import { BasisSelect, decodeBasis } from './BasisSelect.tsx';
import { useRecordDisclosure } from './useDisclosures.ts';
import { useLegalGrounds } from './useLegalGrounds.ts';

const disclosureGroundKinds: readonly LegalGroundKind[] = ['duty_to_report', 'necessary_disclosure', 'consent'];

/** Records a disclosure to another organisation, or a decision not to disclose, with its reason. */
export function DisclosureForm({ childId, onCancel, onSaved }: { childId: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const record = useRecordDisclosure(childId);
  const organisations = useOrganisations();
  const consents = useConsents(childId);
  const grounds = useLegalGrounds(disclosureGroundKinds);
  const [decision, setDecision] = useState<DisclosureDecision>('shared');
  const [toOrganisationId, setTo] = useState<string | null>(null);
  const [categories, setCategories] = useState<InfoCategory[]>([]);
  const [what, setWhat] = useState('');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<string | null>(null);
  const { errors, fail, clear, formRef } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = decision === 'shared' ? decodeBasis(basis) : null;
    const parsed = DisclosureInput.safeParse({
      decision,
      toOrganisationId: toOrganisationId ?? undefined,
      categories,
      what,
      reason,
      legalGroundCode: chosen?.kind === 'legal_duty' ? chosen.legalGroundCode : undefined,
      consentId: chosen?.kind === 'consent' ? chosen.consentId : undefined,
    });
    if (!parsed.success) {
      const found = schemaErrors(parsed.error.issues, t);
      if (found.legalGroundCode || found.consentId) found.basis = t('sharing.groundRequired');
      fail(found);
      return;
    }
    clear();
    record.mutate(parsed.data, { onSuccess: onSaved });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('sharing.intro')}</Text>
        <FormError text={record.isError ? refusalText(record.error, t, currentLanguage()) : null} />
        <Radio.Group label={t('sharing.decision')} value={decision} onChange={(v) => setDecision(v as DisclosureDecision)} required>
          <Stack gap={6} mt={6}>
            {disclosureDecisions.map((d) => <Radio key={d} value={d} label={t(`sharing.decisionChoices.${d}`)} />)}
          </Stack>
        </Radio.Group>
        <Select
          label={t('sharing.to')}
          required
          searchable
          data={(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
          value={toOrganisationId}
          onChange={setTo}
          error={errors.toOrganisationId}
          aria-invalid={Boolean(errors.toOrganisationId) || undefined}
          nothingFoundMessage={t('table.empty')}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox.Group label={t('sharing.categories')} value={categories} onChange={(v) => setCategories(v as InfoCategory[])}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} mt={6} spacing={6}>
            {infoCategories.map((c) => <Checkbox key={c} value={c} label={t(`child.record.categories.${c}`)} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label={t('sharing.what')} description={t('sharing.whatHint')} required value={what} onChange={(e) => setWhat(e.currentTarget.value)} error={errors.what} aria-invalid={Boolean(errors.what) || undefined} maxLength={4000} autosize minRows={2} />
        <Textarea label={t('sharing.reason')} description={t(decision === 'shared' ? 'sharing.reasonHintShared' : 'sharing.reasonHintNotShared')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} aria-invalid={Boolean(errors.reason) || undefined} maxLength={4000} autosize minRows={2} />
        {decision === 'shared' && (
          <BasisSelect
            label={t('sharing.ground')}
            description={t('sharing.groundHint')}
            consents={(consents.data?.consents ?? []).filter((c) => c.status === 'in_force')}
            grounds={grounds.data ?? []}
            value={basis}
            onChange={setBasis}
            error={errors.basis}
          />
        )}
        <FormActions onCancel={onCancel} saving={record.isPending} />
      </Stack>
    </form>
  );
}
