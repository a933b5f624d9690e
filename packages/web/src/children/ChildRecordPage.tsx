import { Alert, Anchor, Badge, Button, Group, List, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ChildRecordView, ChildView } from '@samsyn/core';

type CategoryView = ChildView['categories'][number];
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useCurrentUser } from '../auth/useCurrentUser.ts';
import { AddMemberForm } from '../care-team/AddMemberForm.tsx';
import { CareTeamTable } from '../care-team/CareTeamTable.tsx';
import { HandoverForm } from '../care-team/HandoverForm.tsx';
import { PendingHandoverCard } from '../care-team/PendingHandoverCard.tsx';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { ConsentForm } from '../consent/ConsentForm.tsx';
import { ConsentList } from '../consent/ConsentList.tsx';
import { SharingSection } from '../sharing/SharingSection.tsx';
import { IdentityHistoryOnDemand } from './IdentityHistoryTable.tsx';
import { ConcernsAndReports } from '../concerns/ConcernsSection.tsx';
import { WellbeingSection } from '../wellbeing/WellbeingSection.tsx';
import { NeedsAssessmentLink } from '../needs-assessment/NeedsAssessmentLink.tsx';
import { OnDemandSections } from './OnDemandSections.tsx';
import { RecordDenied } from './RecordDenied.tsx';
import { FhirExportButton } from './FhirExportButton.tsx';
import { childName, displayIdentityNumber } from './text.ts';
import { useChildRecord } from './useChildren.ts';

/** The child's record as far as the caller's basis allows; a refusal is a page of its own. */
export function ChildRecordPage() {
  const { id = '' } = useParams();
  const record = useChildRecord(id);
  if (record.isPending) return <Loading />;
  if (record.isError) {
    if (isApiError(record.error, 403)) return <RecordDenied reason={record.error.reason} hadAccess={record.data !== undefined} childId={id} actions={record.error.actions} />;
    if (isApiError(record.error, 404) || isApiError(record.error, 400)) return <NotFoundPage />;
    return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  }
  return <ChildRecord child={record.data} />;
}

// The consents and the ledger came with the record: one look (see useChildRecord).
function ChildRecord({ child }: { child: ChildRecordView }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const status = useStatus();
  const [consentFormOpen, consentForm] = useDisclosure(false);
  const [addFormOpen, addForm] = useDisclosure(false);
  const [handoverFormOpen, handoverForm] = useDisclosure(false);
  // The policy's answer decides what is offered: the server refuses exactly what is not here.
  const actions = new Set(child.access.actions);
  const inTeam = child.access.reason === 'care_team_member';
  const emergencyUntil = (location.state as { emergencyUntil?: string } | null)?.emergencyUntil;
  const how = (['care_team_member', 'emergency_access', 'guardian', 'self', 'log_review'] as const).find((r) => r === child.access.reason) ?? 'other';
  const name = childName(child.name, t);
  const missing = t('child.record.none');
  const hidden = t('child.record.hidden');
  const address = child.address ? [child.address.streetAddress, [child.address.postalCode, child.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Group gap="sm" align="center">
          <PageTitle documentTitle={t('child.record.title')}>{name}</PageTitle>
          {child.protectedIdentity && <Badge color="red" variant="light" tt="none" size="lg">{t('child.record.protectedName')}</Badge>}
        </Group>
        <Text mt={4} size="lg">{displayIdentityNumber(child.identityNumber)}</Text>
      </div>
      {actions.has('export_fhir') && <FhirExportButton childId={child.id} />}
      <StatusMessage status={status.status} onClose={status.clear} />
      {emergencyUntil && (
        <Alert color="orange" variant="light"><Text size="sm" c="dark.8">{t('child.emergency.opened', { time: emergencyUntil })}</Text></Alert>
      )}
      <Alert color={child.access.basis === 'emergency' ? 'orange' : 'samsyn'} variant="light">
        <Text size="sm" c="dark.8">{t('child.record.basisLine', { how: t(`child.record.how.${how}`), basis: t(`child.record.bases.${child.access.basis}`) })}</Text>
      </Alert>
      {child.protectedIdentity && (
        <Alert color="red" variant="light"><Text size="sm" c="dark.8">{t('child.record.protectedNotice', { level: t(`child.record.protectedLevels.${child.protectedIdentity}`) })}</Text></Alert>
      )}

      <section aria-labelledby="personal-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="personal-heading">{t('child.record.personal')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" className="facts">
            <Fact label={t('child.record.identityNumber')} value={displayIdentityNumber(child.identityNumber)} />
            <Fact label={t('child.record.birthDate')} value={formatDate(child.birthDate)} />
            <Fact label={t('child.record.address')} value={address ?? (child.identityHidden ? hidden : missing)} />
            <Fact label={t('child.record.school')} value={child.school?.name ?? (child.identityHidden ? hidden : missing)} />
            <Fact label={t('child.record.homeOrganisation')} value={child.homeOrganisation.name} />
          </SimpleGrid>
          <Title order={3} size="h4" mt="sm">{t('child.record.guardians')}</Title>
          {child.guardians.length === 0 ? (
            <Text c="dimmed">{t('child.record.noGuardians')}</Text>
          ) : (
            <List spacing="xs" listStyleType="none" p={0}>
              {child.guardians.map((g) => (
                <List.Item key={g.id}>
                  {g.name ? (
                    <Text size="sm">
                      <Text span fw={600}>{childName(g.name, t)}</Text>
                      {g.identityNumber && ` · ${g.identityNumber}`}
                      {g.phone && ` · ${t('child.record.phone')}: ${g.phone}`}
                      {g.email && ` · ${t('child.record.email')}: ${g.email}`}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">{t('child.record.guardianHidden')}</Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
          <IdentityHistoryOnDemand childId={child.id} />
        </Stack>
      </section>

      <section aria-labelledby="team-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Group justify="space-between">
            <Title order={2} size="h3" id="team-heading">{t('careTeam.title')}</Title>
            <Group gap="sm">
              {actions.has('change_team') && <Button variant="light" onClick={addForm.open}>{t('careTeam.add.open')}</Button>}
              {actions.has('hand_over') && <Button variant="light" onClick={handoverForm.open}>{t('handovers.form.open')}</Button>}
            </Group>
          </Group>
          <PendingHandoverCard childId={child.id} canWithdraw={actions.has('withdraw_handover')} blocked={!actions.has('hand_over') && child.careTeam.some((m) => m.role === 'named_person' && m.userId === me.id)} onChanged={(text, kind) => (kind === 'success' ? status.success(text) : status.failure(text))} />
          <CareTeamTable childId={child.id} members={child.careTeam} canManage={actions.has('change_team')} selfUserId={me.id} onChanged={(text, kind) => (kind === 'success' ? status.success(text) : status.failure(text))} />
        </Stack>
      </section>

      <section aria-labelledby="information-heading">
        <Title order={2} size="h3" id="information-heading" mb="sm">{t('child.record.information')}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {child.categories.map((category) => <Category key={category.category} category={category} />)}
        </SimpleGrid>
      </section>

      {inTeam && (
        <section aria-labelledby="consents-heading" className="page-panel">
          <Stack gap="sm" p="lg">
            <Group justify="space-between">
              <Title order={2} size="h3" id="consents-heading">{t('consents.title')}</Title>
              {actions.has('record_consent') && <Button variant="light" onClick={consentForm.open}>{t('consents.give')}</Button>}
            </Group>
            {!actions.has('record_consent') && <Text size="sm" c="dimmed">{t('consentParties.record.consentNotOffered')}</Text>}
            {child.consents === null ? (
              <Text size="sm">{t('child.record.hidden')}</Text>
            ) : (
              <ConsentList childId={child.id} consents={child.consents} audience="professional" onWithdrawn={status.success} onFailed={status.failure} />
            )}
          </Stack>
        </section>
      )}
      <section aria-labelledby="chronology-link-heading" className="page-panel">
        <Stack gap="xs" p="lg" align="flex-start">
          <Title order={2} size="h3" id="chronology-link-heading">{t('chronology.open')}</Title>
          <Text size="sm">{t('chronology.openIntro')}</Text>
          <Button component={Link} to={`/child/${child.id}/chronology`} variant="light">{t('chronology.openButton')}</Button>
        </Stack>
      </section>
      <OnDemandSections>
        <WellbeingSection child={child} />
        <ConcernsAndReports childId={child.id} />
      </OnDemandSections>
      {(inTeam || child.access.basis === 'emergency') && <NeedsAssessmentLink childId={child.id} childName={name} />}
      <Anchor component={Link} to={`/child/${child.id}/plans`} state={{ childName: name }}>{t('plans.open')}</Anchor>
      {inTeam && <SharingSection childId={child.id} careTeam={child.careTeam} canRecord={actions.has('record_disclosure')} disclosures={child.disclosures} />}
      <Anchor component={Link} to="/child">{t('child.record.backToSearch')}</Anchor>

      <Modal opened={consentFormOpen} onClose={consentForm.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('consents.giveTitle')} size="lg">
        <ConsentForm
          child={child}
          onCancel={consentForm.close}
          onSaved={() => {
            consentForm.close();
            status.success(message('consents.given'));
          }}
        />
      </Modal>
      <Modal opened={addFormOpen} onClose={addForm.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('careTeam.add.title')} size="lg">
        <AddMemberForm
          childId={child.id}
          onCancel={addForm.close}
          onSaved={(member) => {
            addForm.close();
            status.success(message('careTeam.add.added', { name: member.displayName }));
          }}
        />
      </Modal>
      <Modal opened={handoverFormOpen} onClose={handoverForm.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('handovers.form.title')} size="lg">
        <HandoverForm
          childId={child.id}
          hasNamedPerson={child.careTeam.some((m) => m.role === 'named_person')}
          onCancel={handoverForm.close}
          onSaved={(handover) => {
            handoverForm.close();
            status.success(message('handovers.form.proposed', { name: handover.to.displayName }));
          }}
        />
      </Modal>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">{label}</Text>
      <Text component="dd" m={0} fw={500}>{value}</Text>
    </div>
  );
}

function Category({ category }: { category: CategoryView }) {
  const { t } = useTranslation();
  const headingId = `category-${category.category}`;
  return (
    <section aria-labelledby={headingId} className="page-panel" data-category={category.category}>
      <Stack gap="sm" p="md">
        <Title order={3} size="h4" id={headingId}>{t(`child.record.categories.${category.category}`)}</Title>
        {!category.sharedFromOthers && (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm" c="dark.8">{t('consentParties.record.notShared')}</Text>
          </Alert>
        )}
        {category.entries.length === 0 ? (
          <Text size="sm" c="dimmed">{t('child.record.noEntries')}</Text>
        ) : (
          <Stack gap="sm" component="ul" className="plain-list">
            {[...category.entries].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn)).map((entry) => (
              <li key={entry.id} className="record-entry">
                <Text fw={600} size="sm">{entry.title}</Text>
                <Text size="xs" c="dimmed">{t('child.record.entryMeta', { date: entry.occurredOn, author: entry.authorName, organisation: entry.organisationName })}</Text>
                <Text size="xs" c="dimmed">{t('consentParties.record.entryDomain', { domain: entry.secrecyDomainName })}</Text>
                <Text size="sm" mt={4}>{entry.body}</Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </section>
  );
}
