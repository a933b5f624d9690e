import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { AccessLogEntry } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { CareTeamTable } from '../care-team/CareTeamTable.tsx';
import { childName } from '../children/text.ts';
import { RecordDenied } from '../children/RecordDenied.tsx';
import { DataTable } from '../common/DataTable.tsx';
import { formatDate, formatNumber } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { NotFoundPage } from '../common/NotFoundPage.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { message, StatusMessage, useStatus } from '../common/StatusMessage.tsx';
import { ConsentList } from '../consent/ConsentList.tsx';
import { useConsents } from '../consent/useConsents.ts';
import { currentLanguage } from '../i18n/index.ts';
import { GiveConsentForm } from './GiveConsentForm.tsx';
import { OwnViewSection } from '../wellbeing/OwnViewSection.tsx';
import { FamilyPlansSection } from '../plans/FamilyPlansSection.tsx';
import { useAccessLog, useCareTeam, useMyChildren } from './useMyChildren.ts';

/** The texts that speak to the child herself on her own page. */
type SelfKey = 'title' | 'protectedNotice' | 'careTeamHeading' | 'careTeamIntro' | 'accessLogHeading' | 'accessLogIntro';

/** One child for a guardian (or the child): the team, the consents and who has looked, in plain words. */
export function MyChildPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const children = useMyChildren();
  const status = useStatus();
  const child = children.data?.find((c) => c.id === id);
  const team = useCareTeam(id);
  const consents = useConsents(id);
  const [consentFormOpen, consentForm] = useDisclosure(false);
  // On a phone the consent form takes the whole screen, so its fields keep their width.
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;

  if (children.isPending) return <Loading />;
  if (children.isError) return <LoadError error={children.error} onRetry={() => void children.refetch()} />;
  if (!child) return <NotFoundPage />;
  const name = childName(child.name, t);
  // The policy's answer: the 14-year-old is not offered a consent her own consent cannot give.
  const canGiveConsent = child.actions.includes('give_consent');
  // The child's own page speaks to her ("De som arbetar med dig"), a guardian's of the child.
  const own = (key: SelfKey) => t(child.relation === 'self' ? `citizen.selfTexts.${key}` : `citizen.${key}`);

  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <PageTitle documentTitle={own('title')}>{name}</PageTitle>
        <Text mt={4} size="lg">{t(child.relation === 'self' ? 'citizen.selfBorn' : 'citizen.born', { date: formatDate(child.birthDate) })}</Text>
      </div>
      {child.protectedIdentity && <Alert color="red" variant="light"><Text size="sm" c="dark.8">{own('protectedNotice')}</Text></Alert>}
      <StatusMessage status={status.status} onClose={status.clear} />

      <section aria-labelledby="team-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Title order={2} size="h3" id="team-heading">{own('careTeamHeading')}</Title>
          <Text>{own('careTeamIntro')}</Text>
          {team.isPending ? (
            <Loading />
          ) : team.isError ? (
            isApiError(team.error, 403) ? <Text>{t('child.record.denyReasons.not_shared_with_citizens')}</Text> : <LoadError error={team.error} onRetry={() => void team.refetch()} />
          ) : (
            <CareTeamTable childId={id} members={team.data.members.filter((m) => m.current)} plain />
          )}
        </Stack>
      </section>

      <OwnViewSection childId={id} relation={child.relation} />
      <FamilyPlansSection childId={id} relation={child.relation} />

      <section aria-labelledby="consents-heading" className="page-panel">
        <Stack gap="sm" p="lg">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Title order={2} size="h3" id="consents-heading">{t('citizen.consentsHeading')}</Title>
            {canGiveConsent && <Button variant="light" onClick={consentForm.open}>{t('citizen.giveConsent.open')}</Button>}
          </Group>
          <Text>{t('consentParties.citizen.intro')}</Text>
          {consents.isPending ? (
            <Loading />
          ) : consents.isError ? (
            <LoadError error={consents.error} onRetry={() => void consents.refetch()} />
          ) : (
            <ConsentList childId={id} consents={consents.data.consents} audience="citizen" onWithdrawn={status.success} onFailed={status.failure} />
          )}
        </Stack>
      </section>

      <AccessLogSection childId={id} own={own} />
      <RegisterExtractSection childId={id} />
      <Modal opened={consentFormOpen} onClose={consentForm.close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('citizen.giveConsent.title')} size="lg" fullScreen={narrow}>
        <GiveConsentForm
          childId={id}
          onCancel={consentForm.close}
          onSaved={() => {
            consentForm.close();
            status.success(message('citizen.giveConsent.given'));
          }}
        />
      </Modal>
    </Stack>
  );
}

const step = 50;

/** The register extract (GDPR art. 15): everything about the child and the reader, to download or print. */
function RegisterExtractSection({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const base = `/api/children/${childId}/register-extract?lang=${currentLanguage()}`;
  return (
    <section aria-labelledby="register-extract-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Title order={2} size="h3" id="register-extract-heading">{t('registerExtract.heading')}</Title>
        <Text>{t('registerExtract.intro')}</Text>
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={`${base}&format=json`} download variant="light">{t('registerExtract.download')}</Button>
          <Button component="a" href={`${base}&format=html`} target="_blank" rel="noopener" variant="default">{t('registerExtract.open')}</Button>
          <Button component="a" href={`${base}&format=pdf`} download variant="default">{t('registerExtract.pdf')}</Button>
        </Group>
        <Text size="sm" c="dimmed">{t('registerExtract.hint')}</Text>
      </Stack>
    </section>
  );
}

function AccessLogSection({ childId, own }: { childId: string; own: (key: SelfKey) => string }) {
  const { t } = useTranslation();
  const [pageSize, setPageSize] = useState(step);
  const log = useAccessLog(childId, pageSize);
  return (
    <section aria-labelledby="access-log-heading" className="page-panel">
      <Stack gap="sm" p="lg">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id="access-log-heading">{own('accessLogHeading')}</Title>
          <div>
            <Button component="a" href={`/api/children/${childId}/access-log/extract?lang=${currentLanguage()}`} download variant="light" aria-describedby="extract-hint">
              {t('citizen.download')}
            </Button>
            <Text size="xs" c="dimmed" id="extract-hint" mt={4} maw={260}>{t('citizen.downloadHint')}</Text>
          </div>
        </Group>
        <Text>{own('accessLogIntro')}</Text>
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          isApiError(log.error, 403) ? <RecordDenied reason={log.error.reason} hadAccess={false} /> : <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : log.data.entries.length === 0 ? (
          <Text>{t('citizen.noLooks')}</Text>
        ) : (
          <>
            <DataTable
              caption={t('citizen.accessLogCaption')}
              headers={[t('citizen.when'), t('citizen.who'), t('citizen.organisation'), t('citizen.what'), t('citizen.basis')]}
            >
              {log.data.entries.map((entry, i) => <LookRow key={`${entry.at}-${i}`} entry={entry} />)}
            </DataTable>
            <Group justify="space-between">
              <Text size="sm" role="status" aria-live="polite">{t('citizen.showing', { shown: formatNumber(log.data.entries.length), total: formatNumber(log.data.total) })}</Text>
              {log.data.total > log.data.entries.length && pageSize < 500 && (
                <Button variant="default" onClick={() => setPageSize((n) => Math.min(500, n + step))} loading={log.isFetching}>{t('citizen.showMore')}</Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </section>
  );
}

function LookRow({ entry }: { entry: AccessLogEntry }) {
  return (
    <Table.Tr>
      <Table.Td className="nowrap">{entry.time}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>{entry.who.name}</Text>
        {entry.who.title && <Text size="xs" c="dimmed">{entry.who.title}</Text>}
      </Table.Td>
      <Table.Td>{entry.who.organisation ?? ''}</Table.Td>
      <Table.Td>{entry.what}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>{entry.basisLabel}{entry.legalGround ? ` (${entry.legalGround})` : ''}</Text>
        <Text size="xs" c="dimmed">{entry.basisText}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
