import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { NeedsAssessmentView, NeedsStatus } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { formatDate } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotAllowedPage } from '../common/NotAllowedPage.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { message, StatusMessage, useStatus, type StatusText } from '../common/StatusMessage.tsx';
import { NeedsAssessmentForm } from './NeedsAssessmentForm.tsx';
import { NeedsAssessmentRead } from './NeedsAssessmentRead.tsx';
import { useNeedsAssessment, useNeedsConfigs } from './useNeedsAssessments.ts';

/** What the record page and the list pass on: the child's name, so the page needs no second look at the record. */
export interface NeedsNavigation {
  childName?: string;
  saved?: NeedsStatus;
}

function useNavigationState(): NeedsNavigation {
  return (useLocation().state as NeedsNavigation | null) ?? {};
}

const savedMessage = (status: NeedsStatus): StatusText => message(status === 'final' ? 'needs.saved.final' : 'needs.saved.draft');

/** A new needs assessment, in the current configuration's words. */
export function NewNeedsAssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const state = useNavigationState();
  const configs = useNeedsConfigs();
  const listPath = `/child/${id}/needs-assessments`;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle>{t('needs.newTitle')}</PageTitle>
        {state.childName && <Text size="lg" mt={4}>{state.childName}</Text>}
      </div>
      {configs.isPending ? <Loading /> : configs.isError ? <LoadError error={configs.error} onRetry={() => void configs.refetch()} /> : (
        <NeedsAssessmentForm
          childId={id}
          config={configs.data.current}
          editing={null}
          onCancel={() => void navigate(listPath, { state })}
          onSaved={(saved, status) => void navigate(`${listPath}/${saved.id}`, { state: { ...state, saved: status } })}
        />
      )}
      <Anchor component={Link} to={listPath} state={state}>{t('needs.backToList')}</Anchor>
    </Stack>
  );
}

/** One assessment: the revision chosen (the latest first), its history, and the next revision for those who may write it. */
export function NeedsAssessmentPage() {
  const { t } = useTranslation();
  const { id = '', assessmentId = '' } = useParams();
  const state = useNavigationState();
  const assessment = useNeedsAssessment(id, assessmentId);
  if (assessment.isPending) return <Loading />;
  if (assessment.isError) {
    if (isApiError(assessment.error, 404) || isApiError(assessment.error, 400)) return <NotFoundPage />;
    if (isApiError(assessment.error, 403)) return <NotAllowedPage />;
    return <LoadError error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  return <Assessment key={assessment.data.id} childId={id} view={assessment.data} state={state} title={t('needs.title')} />;
}

function Assessment({ childId, view, state, title }: { childId: string; view: NeedsAssessmentView; state: NeedsNavigation; title: string }) {
  const { t } = useTranslation();
  const status = useStatus();
  // The latest revision unless the reader picked another; a new save shows the new latest.
  const [shown, setShown] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [announced] = useState(() => state.saved);
  const latest = view.revisions[0]!;
  const revision = (shown && view.revisions.find((r) => r.id === shown)) || latest;
  const configOf = (versionId: string) => view.configs.find((c) => c.id === versionId);
  const edit = useMemo(() => ({ assessmentId: view.id, from: latest }), [view.id, latest]);
  const listPath = `/child/${childId}/needs-assessments`;
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle>{title}</PageTitle>
        {state.childName && <Text size="lg" mt={4}>{state.childName}</Text>}
        <Text size="sm" c="dimmed" mt={4}>{t('needs.read.domain', { domain: view.secrecyDomainName, organisation: view.organisationName })}</Text>
      </div>
      <StatusMessage status={status.status ?? (announced ? { kind: 'success', text: savedMessage(announced) } : null)} onClose={status.clear} />
      {editing ? (
        <NeedsAssessmentForm
          childId={childId}
          config={{ id: latest.configVersionId, content: configOf(latest.configVersionId)!.content }}
          editing={edit}
          onCancel={() => setEditing(false)}
          onSaved={(_, saved) => {
            setEditing(false);
            setShown(null);
            status.success(savedMessage(saved));
          }}
        />
      ) : (
        <>
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('needs.read.revision')}
              description={t('needs.read.revisionHint')}
              value={revision.id}
              onChange={(e) => setShown(e.currentTarget.value)}
              data={view.revisions.map((r) => ({ value: r.id, label: t('needs.read.revisionOption', { revision: r.revision, status: t(`needs.statuses.${r.status}`), date: formatDate(r.createdAt), author: r.authorName }) }))}
              maw={520}
            />
            {view.mayRevise && <Button onClick={() => setEditing(true)}>{latest.status === 'draft' ? t('needs.continueDraft') : t('needs.revise')}</Button>}
          </Group>
          {!view.mayRevise && <Alert color="gray" variant="light"><Text size="sm" c="dark.8">{t('needs.read.readOnly')}</Text></Alert>}
          <NeedsAssessmentRead revision={revision} config={configOf(revision.configVersionId)!.content} />
        </>
      )}
      <Anchor component={Link} to={listPath} state={state}>{t('needs.backToList')}</Anchor>
    </Stack>
  );
}
