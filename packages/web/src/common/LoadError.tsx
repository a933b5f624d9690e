import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { errorText } from './errors.ts';

/** A query that failed: what went wrong, and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('loadError.title')} role="alert">
      {errorText(error, t, currentLanguage())}
      <div>
        <Button variant="outline" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </div>
    </Alert>
  );
}
