import { Alert, Anchor, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { carriedRevision, type PlanContents, type PlanView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { RecordDenied } from '../children/RecordDenied.tsx';
import { refusalText } from '../common/errors.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { ClosePlanForm } from './ClosePlanForm.tsx';
import { PlanContentsView } from './PlanContentsView.tsx';
import { RevisionHistory } from './RevisionHistory.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { ApprovalsList } from './ApprovalsList.tsx';
import { familyPdfUrl } from './usePlans.ts';
import { useChildNameFromLink } from './PlansPage.tsx';
import { useEstablishPlan, usePlan, usePlans } from './usePlans.ts';
import { MeetingsSection } from '../sip/MeetingsSection.tsx';
import { PreparationNotesSection } from '../sip/PreparationNotesSection.tsx';
import { SipRequestSection } from '../sip/SipRequestSection.tsx';

/** One plan: its status, what a SIP still lacks, the plan in force and the proposal, its versions and their differences. */
export function PlanPage() {
  const { id = '', planId = '' } = useParams();
  const plan = usePlan(id, planId);
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error, 403)) return <RecordDenied reason={plan.error.reason} hadAccess={false} childId={id} actions={plan.error.actions} />;
    if (isApiError(plan.error, 404) || isApiError(plan.error, 400)) return <NotFoundPage />;
    return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  return <Plan childId={id} plan={plan.data} />;
}

function Plan({ childId, plan }: { childId: string; plan: PlanView }) {
  const { t } = useTranslation();
  const childName = useChildNameFromLink();
  const status = useStatus();
  const [editOpen, edit] = useDisclosure(false);
  const [closeOpen, closeForm] = useDisclosure(false);
  // The editor's options (consents, who may lead) come with the list; asked only when the editor opens.
  const actions = new Set(plan.actions);
  const establish = useEstablishPlan(childId, plan.id);
  const inForce = carriedRevision(plan, (r) => r.state === 'in_force');
  const proposal = carriedRevision(plan, (r) => r.state === 'proposed');
  const head = carriedRevision(plan, (r) => r.number === plan.headRevision);
  const missing = plan.missingSipContents;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Group gap="sm" align="center">
          <PageTitle documentTitle={t('plans.documentTitle')}>{plan.title}</PageTitle>
          <Badge variant="light" tt="none" size="lg">{t(`plans.kinds.${plan.kind}`)}</Badge>
          <Badge variant="light" tt="none" size="lg" className={plan.status === 'established' ? 'badge-active' : plan.status === 'closed' ? 'badge-inactive' : undefined}>{t(`plans.statuses.${plan.status}`)}</Badge>
        </Group>
        {childName && <Text mt={4}>{childName}</Text>}
        <Text size="sm" c="dimmed">{t('plans.revisions.domain', { domain: `${plan.secrecyDomainName}, ${plan.organisationName}` })}</Text>
      </div>
      <Group>
        <Anchor component={Link} to={`/child/${childId}/plans`} state={{ childName }}>{t('plans.backToPlans')}</Anchor>
        <Anchor component={Link} to={`/child/${childId}`}>{t('plans.backToRecord')}</Anchor>
      </Group>
      <StatusMessage status={status.status} onClose={status.clear} />
      {plan.closedAt && <Alert color="gray" variant="light"><Text size="sm" c="dark.8">{t('plans.closedLine', { date: formatDate(plan.closedAt), reason: plan.closeReason ? t(`plans.closeReasons.${plan.closeReason}`) : '' })}{plan.closeNote ? ` – ${plan.closeNote}` : ''}</Text></Alert>}
      {missing.length > 0 && (
        <Alert color="orange" variant="light" title={t('plans.sipMissing.title')}>
          <List size="sm">{missing.map((m) => <List.Item key={m}>{t(`plans.sipMissing.${m}`)}</List.Item>)}</List>
        </Alert>
      )}
      <Group>
        {actions.has('save_revision') && <Button onClick={edit.open}>{t('plans.edit')}</Button>}
        {/* Offered only when the server would establish it: the lead, a draft, nothing the law requires missing. */}
        {actions.has('establish') && missing.length === 0 && (
          <Button variant="light" loading={establish.isPending} onClick={() => establish.mutate(plan.headRevision, { onSuccess: () => status.success(message('plans.established')), onError: (e) => status.failure((tt, l) => refusalText(e, tt, l)) })}>{t('plans.establish')}</Button>
        )}
        {actions.has('close') && <Button variant="default" onClick={closeForm.open}>{t('plans.close')}</Button>}
        {/* Whoever reads the plan may print it: the server gives the PDF on the same decision. */}
        <Button component="a" variant="default" href={familyPdfUrl(childId, plan.id)} download>{t('plans.familyPdf')}</Button>
      </Group>
      {actions.has('establish') && missing.length === 0 && <Text size="sm" c="dimmed">{t('plans.establishHint', { number: plan.headRevision })}</Text>}
      {plan.proposedRevision !== null && (
        <Alert color="samsyn" variant="light" title={t('plans.approval.title')}>
          <Text size="sm" c="dark.8">{plan.waitingFor.length > 0 ? t('plans.approval.waiting', { who: plan.waitingFor.map((w) => t(`plans.approval.who.${w}`)).join(', ') }) : t('plans.proposalWaiting')}</Text>
          <ApprovalsList approvals={plan.approvals} />
        </Alert>
      )}
      {inForce && <ContentsPanel title={t('plans.contents.inForce')} revision={inForce.number} plan={plan} contents={inForce.contents} />}
      {proposal && <ContentsPanel title={t('plans.contents.proposal')} revision={proposal.number} plan={plan} contents={proposal.contents} />}
      {!inForce && head && <ContentsPanel title={t('plans.contents.head')} revision={head.number} plan={plan} contents={head.contents} />}
      {/* The way to the meeting (issue 14): the request for a SIP, the preparation, the meetings. */}
      {plan.kind === 'sip' && <SipRequestSection childId={childId} />}
      <PreparationNotesSection childId={childId} planId={plan.id} goals={(head?.contents.goals ?? []).map((g) => ({ id: g.id, wording: g.wording, team: g.evaluation?.team ?? null }))} />
      <MeetingsSection childId={childId} planId={plan.id} />
      <RevisionHistory childId={childId} plan={plan} />
      <Modal opened={editOpen} onClose={edit.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('plans.editTitle')} size="xl">
        {editOpen && <EditorWithOptions childId={childId} plan={plan} onCancel={edit.close} onSaved={(view) => { edit.close(); status.success(view.proposedRevision ? message('plans.proposedSaved') : message('plans.saved', { number: view.headRevision })); }} />}
      </Modal>
      <Modal opened={closeOpen} onClose={closeForm.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('plans.closeTitle')}>
        <ClosePlanForm childId={childId} planId={plan.id} onCancel={closeForm.close} onSaved={() => { closeForm.close(); status.success(message('plans.closed')); }} />
      </Modal>
      {establish.isError && <Text size="sm" className="text-error" role="alert">{refusalText(establish.error, t, currentLanguage())}</Text>}
    </Stack>
  );
}

function ContentsPanel({ title, revision, plan, contents }: { title: string; revision: number; plan: PlanView; contents: PlanContents }) {
  const { t } = useTranslation();
  const headingId = `contents-${revision}`;
  return (
    <section aria-labelledby={headingId} className="page-panel">
      <Stack gap="xs" p="lg">
        <Title order={2} size="h3" id={headingId}>{title} · {t('plans.revisions.option', { number: revision, state: t(`plans.revisionStates.${plan.revisions.find((r) => r.number === revision)?.state ?? 'draft'}`) })}</Title>
        <PlanContentsView contents={contents} leadName={plan.planningLeadName} />
      </Stack>
    </section>
  );
}

/** The editor, with the consents and leads of the plans list (one more look, only when editing). */
function EditorWithOptions({ childId, plan, onCancel, onSaved }: { childId: string; plan: PlanView; onCancel: () => void; onSaved: (view: PlanView) => void }) {
  const list = usePlans(childId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return <PlanEditor childId={childId} plan={plan} options={list.data} onCancel={onCancel} onSaved={onSaved} />;
}
