import { Badge, Table, Text } from '@mantine/core';
import type { DisclosureView } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../common/DataTable.tsx';
import { formatDate } from '../common/format.ts';
import { currentLanguage } from '../i18n/index.ts';

/**
 * The sharing ledger: each disclosure, or decision not to disclose, with whom, what, why and on which ground.
 * An entry whose text the reader may not see keeps everything else, with a note in place of the text.
 */
export function DisclosureList({ disclosures }: { disclosures: readonly DisclosureView[] }) {
  const { t } = useTranslation();
  if (disclosures.length === 0) return <Text c="dimmed">{t('sharing.none')}</Text>;
  const en = currentLanguage() === 'en';
  return (
    <DataTable
      caption={t('sharing.caption')}
      headers={[t('sharing.when'), t('sharing.decision'), t('sharing.to'), t('sharing.what'), t('sharing.reason'), t('sharing.ground')]}
    >
      {disclosures.map((d) => (
        <Table.Tr key={d.id}>
          <Table.Td className="nowrap">
            {formatDate(d.decidedAt)}
            <Text size="xs" c="dimmed">{d.decidedBy.displayName}</Text>
          </Table.Td>
          <Table.Td><Badge variant="light" tt="none" color={d.decision === 'shared' ? 'samsyn' : 'gray'}>{t(`sharing.decisions.${d.decision}`)}</Badge></Table.Td>
          <Table.Td>
            {d.toOrganisation.name}
            {d.toSecrecyDomain && <Text size="xs">{t('sharing.toDomainNamed', { name: d.toSecrecyDomain.name })}</Text>}
            <Text size="xs" c="dimmed">{t('sharing.fromOrganisation', { name: d.fromOrganisation.name })}</Text>
          </Table.Td>
          {d.redacted ? (
            // The text may describe information the reader may not see: one cell under "what" and "reason" says so.
            <Table.Td colSpan={2}>
              <Text size="sm" fs="italic">{t('sharing.redacted')}</Text>
              <Categories categories={d.categories} />
            </Table.Td>
          ) : (
            <>
              <Table.Td>
                {d.what}
                <Categories categories={d.categories} />
              </Table.Td>
              <Table.Td>{d.reason}</Table.Td>
            </>
          )}
          <Table.Td>
            {d.legalGround ? `${en ? d.legalGround.titleEn : d.legalGround.titleSv} (${d.legalGround.reference})` : d.consentId ? t('careTeam.bases.consent') : t('common.none')}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Categories({ categories }: { categories: DisclosureView['categories'] }) {
  const { t } = useTranslation();
  if (categories.length === 0) return null;
  return <Text size="xs" c="dimmed">{categories.map((c) => t(`child.record.categories.${c}`)).join(', ')}</Text>;
}
