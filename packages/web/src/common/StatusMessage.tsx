import { Alert, CloseButton, Group, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Status {
  kind: 'success' | 'error';
  text: string;
}

/** A page's latest outcome; the live region exists before any message so screen readers hear it. */
export function useStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const success = useCallback((text: string) => setStatus({ kind: 'success', text }), []);
  const failure = useCallback((text: string) => setStatus({ kind: 'error', text }), []);
  const clear = useCallback(() => setStatus(null), []);
  return { status, success, failure, clear };
}

export function StatusMessage({ status, onClose }: { status: Status | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {status && (
        <Alert color={status.kind === 'success' ? 'green' : 'red'} variant="light" mb="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" className={status.kind === 'success' ? 'text-success' : 'text-error'}>{status.text}</Text>
            <CloseButton size="sm" onClick={onClose} aria-label={t('common.close')} />
          </Group>
        </Alert>
      )}
    </div>
  );
}
