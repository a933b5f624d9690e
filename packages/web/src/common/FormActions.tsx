import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A form's refusal, read out as it appears. The alert region exists before any message. */
export function FormError({ text }: { text: string | null | undefined }) {
  return (
    <div role="alert">
      {text && (
        <Alert color="red" variant="light"><Text size="sm" className="text-error">{text}</Text></Alert>
      )}
    </div>
  );
}

/** Cancel and submit, at the foot of a form. */
export function FormActions({ onCancel, saving, submitLabel }: { onCancel: () => void; saving: boolean; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="submit" loading={saving}>{submitLabel ?? t('common.save')}</Button>
    </Group>
  );
}
