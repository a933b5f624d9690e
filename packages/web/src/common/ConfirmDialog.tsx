import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  /** What is being confirmed; the dialogue is open while it is set. */
  item: T | null;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  loading: boolean;
  /** The question, and any fields, for the item. */
  children: (item: T) => ReactNode;
}

/** A dialogue that asks before a destructive step; Cancel has the focus. */
export function ConfirmDialog<T>({ item, onClose, title, confirmLabel, onConfirm, loading, children }: Props<T>) {
  const { t } = useTranslation();
  return (
    <Modal opened={item !== null} onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={title}>
      {item !== null && (
        <Stack gap="md">
          {children(item)}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>{t('common.cancel')}</Button>
            <Button color="red" onClick={onConfirm} loading={loading}>{confirmLabel}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
