import { Badge, Table, Text } from '@mantine/core';
import type { DisclosureView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';

/** The sharing ledger: each disclosure, or decision not to disclose, with whom, what, why and on which ground. */
export function DisclosureList({ disclosures }: { disclosures: readonly DisclosureView[] }) {
  const { t } = useTranslation();
  if (disclosures.length === 0) return <Text c="dimmed">{t('sharing.none')}</Text>;
  const en = currentLanguage() === 'en';
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" className="data-table" striped>
        <Table.Caption className="visually-hidden">{t('sharing.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sharing.when')}</Table.Th>
            <Table.Th scope="col">{t('sharing.decision')}</Table.Th>
            <Table.Th scope="col">{t('sharing.to')}</Table.Th>
            <Table.Th scope="col">{t('sharing.what')}</Table.Th>
            <Table.Th scope="col">{t('sharing.reason')}</Table.Th>
            <Table.Th scope="col">{t('sharing.ground')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {disclosures.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td className="nowrap">
                {formatDate(d.decidedAt)}
                <Text size="xs" c="dimmed">{d.decidedBy.displayName}</Text>
              </Table.Td>
              <Table.Td><Badge variant="light" tt="none" color={d.decision === 'shared' ? 'samsyn' : 'gray'}>{t(`sharing.decisions.${d.decision}`)}</Badge></Table.Td>
              <Table.Td>
                {d.toOrganisation.name}
                <Text size="xs" c="dimmed">{t('sharing.fromOrganisation', { name: d.fromOrganisation.name })}</Text>
              </Table.Td>
              <Table.Td>
                {d.what}
                {d.categories.length > 0 && <Text size="xs" c="dimmed">{d.categories.map((c) => t(`child.record.categories.${c}`)).join(', ')}</Text>}
              </Table.Td>
              <Table.Td>{d.reason}</Table.Td>
              <Table.Td>
                {d.legalGround ? `${en ? d.legalGround.titleEn : d.legalGround.titleSv} (${d.legalGround.reference})` : d.consentId ? t('careTeam.bases.consent') : t('common.none')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
