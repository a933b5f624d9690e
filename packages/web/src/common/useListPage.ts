import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { errorText } from './errors.ts';
import type { SortState } from './SortableTable.tsx';
import { useStatus } from './StatusMessage.tsx';

/** The one mutation a list page needs: switching a row active or inactive. */
interface ActiveUpdate<T> {
  isPending: boolean;
  variables?: { id: string };
  mutate: (variables: { id: string; patch: { active: boolean } }, options: { onSuccess: (saved: T) => void; onError: (error: Error) => void }) => void;
}

interface Options<T> {
  /** The column the list is sorted on at first, ascending. */
  sortKey: string;
  /** Absent for rows that are never switched inactive. */
  update?: ActiveUpdate<T>;
  /** What to say once a row has been switched active or inactive. */
  activeMessage?: (saved: T) => string;
}

/**
 * The state an administration list shares with its kind: search, "show inactive", sort, the
 * status message, the create/edit form and the active switch. `ListPage` draws it.
 */
export function useListPage<T extends { id: string; active: boolean }>({ sortKey, update, activeMessage }: Options<T>) {
  const { t } = useTranslation();
  const status = useStatus();
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: sortKey, direction: 'ascending' });
  const [formOpen, form] = useDisclosure(false);
  // The key gives every opening a fresh form.
  const [editing, setEditing] = useState<{ item: T | null; key: number }>({ item: null, key: 0 });
  const needle = search.trim().toLocaleLowerCase('sv');

  return {
    status,
    search,
    setSearch,
    showInactive,
    setShowInactive,
    sort,
    setSort,
    formOpen,
    closeForm: form.close,
    editing,
    /** Whether a row passes "show inactive" and the search, given the text the search looks in. */
    matches: (row: T, searchText: string) => (showInactive || row.active) && (!needle || searchText.toLocaleLowerCase('sv').includes(needle)),
    openForm: (item: T | null) => {
      setEditing((previous) => ({ item, key: previous.key + 1 }));
      form.open();
    },
    /** The form saved: close it and say so. */
    saved: (message: string) => {
      form.close();
      status.success(message);
    },
    toggling: (row: T) => update !== undefined && update.isPending && update.variables?.id === row.id,
    toggleActive: (row: T) => {
      update?.mutate(
        { id: row.id, patch: { active: !row.active } },
        {
          onSuccess: (saved) => status.success(activeMessage?.(saved) ?? ''),
          onError: (error) => status.failure(errorText(error, t, currentLanguage())),
        },
      );
    },
  };
}

export type ListPageState<T extends { id: string; active: boolean }> = ReturnType<typeof useListPage<T>>;
