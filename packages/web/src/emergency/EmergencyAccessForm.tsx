import { Alert, Button, Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { EmergencyAccessView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, type FieldErrors } from '../common/errors.ts';
import { useFormErrors } from '../common/useFocusFirstError.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useEmergencyLegalGrounds, useOpenEmergencyAccess, type EmergencyTarget } from './useEmergency.ts';

/**
 * Emergency access (nödåtkomst): a stated reason and a legal ground. The warning comes first,
 * so nobody opens a record this way without reading that it is logged and reviewed. Only the
 * grounds that fit the opener's sector are offered, each explained in one line.
 */
export function EmergencyAccessForm({ target, onCancel, onOpened }: { target: EmergencyTarget; onCancel: () => void; onOpened: (access: EmergencyAccessView) => void }) {
  const { t } = useTranslation();
  const grounds = useEmergencyLegalGrounds(true);
  const open = useOpenEmergencyAccess(target);
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const { errors, fail, formRef } = useFormErrors({ reason, legalGroundCode: ground, confirmed });

  function submit(event: FormEvent) {
    event.preventDefault();
    // Worded when drawn, so the messages follow a language switch.
    const found = (tr: TFunction): FieldErrors => ({
      ...(reason.trim().length < 10 ? { reason: tr('child.emergency.reasonTooShort') } : {}),
      ...(ground ? {} : { legalGroundCode: tr('validation.required') }),
      ...(confirmed ? {} : { confirmed: tr('child.emergency.confirmRequired') }),
    });
    fail(found);
    if (Object.keys(found(t)).length > 0 || !ground) return;
    open.mutate({ reason: reason.trim(), legalGroundCode: ground }, { onSuccess: onOpened });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="orange" variant="light" title={t('child.emergency.title')}>
          <Text size="sm" c="dark.8" id="emergency-warning">{t('child.emergency.warning')}</Text>
        </Alert>
        <div role="alert">
          {open.isError && <Alert color="red" variant="light"><Text size="sm" className="text-error">{errorText(open.error, t, currentLanguage())}</Text></Alert>}
        </div>
        <Textarea
          label={t('child.emergency.reason')}
          description={t('child.emergency.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          aria-invalid={Boolean(errors.reason) || undefined}
          data-autofocus
        />
        <Radio.Group
          label={t('child.emergency.legalGround')}
          description={t('child.emergency.legalGroundHint')}
          required
          name="legalGroundCode"
          value={ground ?? ''}
          onChange={setGround}
          error={errors.legalGroundCode ?? (grounds.isError ? errorText(grounds.error, t, currentLanguage()) : undefined)}
        >
          <Stack gap="xs" mt="xs">
            {(grounds.data?.grounds ?? []).map((g) => (
              <Radio key={g.code} value={g.code} label={`${g.title} (${g.reference})`} description={g.explanation} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t('child.emergency.confirm')}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
          error={errors.confirmed}
          aria-invalid={Boolean(errors.confirmed) || undefined}
          aria-describedby="emergency-warning"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={open.isPending}>{t('child.emergency.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

