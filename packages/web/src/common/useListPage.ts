import { useDisclosure } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { errorText } from './errors.ts';
import type { SortState } from './SortableTable.tsx';
import { useStatus, type StatusText } from './StatusMessage.tsx';

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
  /** What to say once a row has been switched active or inactive (drawn in the UI language when shown). */
  activeMessage?: (saved: T, t: TFunction) => string;
}

/**
 * The state an administration list shares with its kind: search, "show inactive", sort, the
 * status message, the create/edit form and the active switch; a deactivation is asked about
 * first (`confirming`), a reactivation is not. `ListPage` draws it.
 */
export function useListPage<T extends { id: string; active: boolean }>({ sortKey, update, activeMessage }: Options<T>) {
  const status = useStatus();
  const [confirming, setConfirming] = useState<T | null>(null);
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
    saved: (message: StatusText) => {
      form.close();
      status.success(message);
    },
    toggling: (row: T) => update !== undefined && update.isPending && update.variables?.id === row.id,
    /** A deactivation asks first; a reactivation is made at once. */
    toggleActive: (row: T) => {
      if (row.active) setConfirming(row);
      else switchActive(row);
    },
    /** The row whose deactivation is being asked about. */
    confirming,
    cancelConfirm: () => setConfirming(null),
    confirmDeactivate: () => {
      if (confirming) switchActive(confirming);
    },
  };

  function switchActive(row: T) {
    update?.mutate(
      { id: row.id, patch: { active: !row.active } },
      {
        onSuccess: (saved) => {
          setConfirming(null);
          status.success((t) => activeMessage?.(saved, t) ?? '');
        },
        onError: (error) => {
          setConfirming(null);
          status.failure((t, language) => errorText(error, t, language));
        },
      },
    );
  }
}

export type ListPageState<T extends { id: string; active: boolean }> = ReturnType<typeof useListPage<T>>;
