import { Checkbox, Radio, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DisclosureInput, disclosureDecisions, disclosureGroundKinds, infoCategories, type CareTeamMemberView, type ConsentView, type DisclosureDecision, type InfoCategory, type Me } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../admin/useOrganisations.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { refusalText, schemaErrors } from '../common/errors.ts';
import { FormActions, FormError } from '../common/FormActions.tsx';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { useConsents } from '../consent/useConsents.ts';
import { useSecrecyDomainDirectory } from '../consent/useConsentParties.ts';
import { currentLanguage } from '../i18n/index.ts';
import { BasisSelect, decodeBasis } from './BasisSelect.tsx';
import { useRecordDisclosure } from './useDisclosures.ts';
import { useLegalGrounds } from './useLegalGrounds.ts';

/**
 * The consents worth offering for a disclosure: in force, given by someone whose consent counts,
 * naming the receiving organisation (whole, or one of its secrecy domains) and covering every
 * category shared. The server decides; this only leaves out what it would refuse.
 */
function consentsThatFit(consents: readonly ConsentView[], to: { id: string; name: string } | undefined, categories: readonly InfoCategory[]): ConsentView[] {
  return consents.filter(
    (c) =>
      c.status === 'in_force'
      && c.giverCounts
      && (to === undefined || c.organisations.some((o) => o.id === to.id) || c.domains.some((d) => d.organisationName === to.name))
      && categories.every((category) => c.categories.includes(category)),
  );
}

/**
 * The organisations the caller is on the child's team for and still works for: information
 * leaves from one of them, and the server refuses any other.
 */
function ownTeamOrganisations(careTeam: readonly CareTeamMemberView[], me: Me): { value: string; label: string }[] {
  const worksFor = new Set(me.roles.filter((r) => r.role === 'professional').map((r) => r.organisationId));
  const own = new Map(careTeam.filter((m) => m.userId === me.id && worksFor.has(m.organisationId)).map((m) => [m.organisationId, m.organisationName]));
  return [...own].map(([value, label]) => ({ value, label }));
}

/**
 * Records a disclosure to another organisation, or a decision not to disclose, with its reason.
 * The disclosing organisation is asked for only when the caller is on the team for several.
 */
export function DisclosureForm({ childId, careTeam, onCancel, onSaved }: { childId: string; careTeam: readonly CareTeamMemberView[]; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const record = useRecordDisclosure(childId);
  const organisations = useOrganisations();
  const consents = useConsents(childId);
  // The kinds of ground the server's rule accepts for a disclosure on their own.
  const grounds = useLegalGrounds(disclosureGroundKinds);
  const fromChoices = ownTeamOrganisations(careTeam, me);
  const [fromOrganisationId, setFrom] = useState<string | null>(fromChoices.length === 1 ? fromChoices[0]!.value : null);
  const [decision, setDecision] = useState<DisclosureDecision>('shared');
  const [toOrganisationId, setToOrganisation] = useState<string | null>(null);
  const [toSecrecyDomainId, setToDomain] = useState<string | null>(null);
  const directory = useSecrecyDomainDirectory();
  const toDomains = (directory.data ?? []).filter((d) => d.organisationId === toOrganisationId).map((d) => ({ value: d.id, label: d.name }));
  // Inside one organisation information crosses a secrecy boundary only to a named domain (OSL 8 kap. 2 §).
  const sharingOrganisationId = fromOrganisationId ?? (fromChoices.length === 1 ? fromChoices[0]!.value : null);
  const domainRequired = toOrganisationId !== null && toOrganisationId === sharingOrganisationId;
  function setTo(id: string | null) {
    setToOrganisation(id);
    setToDomain(null);
  }
  const [categories, setCategories] = useState<InfoCategory[]>([]);
  const [what, setWhat] = useState('');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<string | null>(null);
  const { errors, fail, clear, formRef } = useFormErrors({ fromOrganisationId, toOrganisationId, toSecrecyDomainId, categories, what, reason, basis, legalGroundCode: basis, consentId: basis });

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = decision === 'shared' ? decodeBasis(basis) : null;
    const parsed = DisclosureInput.safeParse({
      decision,
      fromOrganisationId: fromOrganisationId ?? undefined,
      toOrganisationId: toOrganisationId ?? undefined,
      toSecrecyDomainId: toSecrecyDomainId ?? undefined,
      categories,
      what,
      reason,
      legalGroundCode: chosen?.kind === 'legal_duty' ? chosen.legalGroundCode : undefined,
      consentId: chosen?.kind === 'consent' ? chosen.consentId : undefined,
    });
    // The schema leaves the organisation optional: only the caller's team places make it required.
    const missingFrom = fromChoices.length > 1 && !fromOrganisationId;
    const missingDomain = domainRequired && !toSecrecyDomainId;
    if (!parsed.success || missingFrom || missingDomain) {
      const found = parsed.success ? {} : schemaErrors(parsed.error.issues, t);
      if (found.legalGroundCode || found.consentId) found.basis = t('sharing.groundRequired');
      if (missingFrom) found.fromOrganisationId = t('validation.required');
      if (missingDomain) found.toSecrecyDomainId = t('sharing.toDomainRequired');
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
        {fromChoices.length > 1 && (
          <Select
            label={t('sharing.from')}
            description={t('sharing.fromHint')}
            required
            data={fromChoices}
            value={fromOrganisationId}
            onChange={setFrom}
            error={errors.fromOrganisationId}
            aria-invalid={Boolean(errors.fromOrganisationId) || undefined}
            comboboxProps={{ withinPortal: true }}
          />
        )}
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
          // Focus lands here after a failed submit: a list opened by focus would cover the error, and
          // its scroll area is no keyboard stop of its own (axe: scrollable-region-focusable). Typing,
          // the arrow keys or a click open it.
          openOnFocus={false}
        />
        {toDomains.length > 0 && (
          <Select
            label={t('sharing.toDomain')}
            description={t(domainRequired ? 'sharing.toDomainHintOwn' : 'sharing.toDomainHint')}
            required={domainRequired}
            clearable={!domainRequired}
            data={toDomains}
            value={toSecrecyDomainId}
            onChange={setToDomain}
            error={errors.toSecrecyDomainId}
            aria-invalid={Boolean(errors.toSecrecyDomainId) || undefined}
            comboboxProps={{ withinPortal: true }}
            openOnFocus={false}
          />
        )}
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
            purpose="disclosure"
            consents={consentsThatFit(consents.data?.consents ?? [], (organisations.data ?? []).find((o) => o.id === toOrganisationId), categories)}
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
