import { useTranslation } from 'react-i18next';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import type { Column } from './SortableTable.tsx';
import { formatDate } from './format.ts';

/** One saved version of a county-wide setting (the wheel's words, the needs triangle's sub-areas). */
export interface SettingVersion { id: string; version: number; createdAt: string; createdBy: string | null; note: string | null }

/**
 * The versions of a setting, newest first: who saved which and why. It sorts, filters and exports
 * like every list; a version the system shipped with says so instead of a name.
 */
export function VersionsTable({ versions, caption, exportFile }: { versions: readonly SettingVersion[]; caption: string; exportFile: string }) {
  const { t } = useTranslation();
  const columns: Column<SettingVersion>[] = [
    { key: 'version', header: t('settingVersions.version'), value: (v) => v.version, sortable: true, nowrap: true },
    { key: 'date', header: t('settingVersions.date'), value: (v) => v.createdAt, render: (v) => formatDate(v.createdAt), sortable: true, nowrap: true },
    { key: 'by', header: t('settingVersions.by'), value: (v) => v.createdBy ?? t('settingVersions.builtIn'), sortable: true },
    { key: 'note', header: t('settingVersions.note'), value: (v) => v.note || '–' },
  ];
  return <FilteredTable rows={versions} columns={columns} caption={caption} rowKey={(v) => v.id} empty={t('settingVersions.none')} exportFile={exportFile} sortKey="version" />;
}
