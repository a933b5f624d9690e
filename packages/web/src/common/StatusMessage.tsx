import { Alert, CloseButton, Group, Text } from '@mantine/core';
import type { Language } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';

/**
 * A message as its key and parameters, drawn in the UI language each time it is shown, so a
 * language switch translates the message on screen too. A plain string stays as written.
 */
export type StatusText = string | ((t: TFunction, language: Language) => string);

export interface Status {
  kind: 'success' | 'error';
  text: StatusText;
}

/** A message by its translation key and parameters. */
export function message(key: string, params?: Record<string, unknown>): StatusText {
  return (t) => String(t(key as never, params as never));
}

export function statusText(text: StatusText, t: TFunction): string {
  return typeof text === 'string' ? text : text(t, currentLanguage());
}

/** A page's latest outcome; the live region exists before any message so screen readers hear it. */
export function useStatus() {
  const [status, setStatus] = useState<Status | null>(null);
  const success = useCallback((text: StatusText) => setStatus({ kind: 'success', text }), []);
  const failure = useCallback((text: StatusText) => setStatus({ kind: 'error', text }), []);
  const clear = useCallback(() => setStatus(null), []);
  return { status, success, failure, clear };
}

export function StatusMessage({ status, onClose }: { status: Status | null; onClose: () => void }) {
  // Drawn again on a language switch: the message is translated from its key then.
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {status && (
        <Alert color={status.kind === 'success' ? 'green' : 'red'} variant="light" mb="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" className={status.kind === 'success' ? 'text-success' : 'text-error'}>{statusText(status.text, t)}</Text>
            <CloseButton size="sm" onClick={onClose} aria-label={t('common.close')} />
          </Group>
        </Alert>
      )}
    </div>
  );
}
