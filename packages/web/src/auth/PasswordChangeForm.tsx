import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { checkPassword, passwordPolicy } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorText, serverFieldErrors, type FieldErrors } from '../common/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useChangePassword } from './session.ts';

// Refusals that belong to a field; any other failure is shown above the form.
const fieldCodes = ['wrong_current_password', 'invalid_credentials', 'weak_password', 'password_unchanged', 'validation_failed'];

/** The password change, shared by the user menu's dialog, "My account" and the forced change after a reset. */
export function PasswordChangeForm({ username, onDone, onCancel, currentLabel }: { username: string; onDone: () => void; onCancel?: () => void; currentLabel?: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!current) found.currentPassword = t('validation.required');
    const problems = checkPassword(next, username);
    if (problems.length > 0) found.newPassword = problems.map((p) => t(`password.problems.${p}`, { min: passwordPolicy.minLength, max: passwordPolicy.maxLength })).join(' ');
    else if (next === current) found.newPassword = t('account.sameAsCurrent');
    if (next !== confirm) found.confirm = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && ['invalid_credentials', 'wrong_current_password'].includes(error.code)) setErrors({ currentPassword: t('password.wrongCurrent') });
          else if (error instanceof ApiError && error.code === 'password_unchanged') setErrors({ newPassword: t('account.sameAsCurrent') });
          else setErrors(renameFields(serverFieldErrors(error, t)));
        },
      },
    );
  }

  const failure = change.error && !(change.error instanceof ApiError && fieldCodes.includes(change.error.code));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure && <Alert color="red" variant="light" role="alert"><Text size="sm" className="text-error">{errorText(change.error, t, currentLanguage())}</Text></Alert>}
        <PasswordInput label={currentLabel ?? t('password.current')} autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} aria-invalid={Boolean(errors.currentPassword) || undefined} data-autofocus />
        <PasswordInput label={t('password.new')} description={t('password.policy', { min: passwordPolicy.minLength })} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.newPassword} aria-invalid={Boolean(errors.newPassword) || undefined} />
        <PasswordInput label={t('password.confirm')} autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm} aria-invalid={Boolean(errors.confirm) || undefined} />
        <Text size="sm" c="dimmed">{t('account.otherSessionsEnd')}</Text>
        <Group justify="flex-end" mt="sm">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={change.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The server names the field `password`; here it is the new one. */
function renameFields(errors: FieldErrors): FieldErrors {
  const { password, ...rest } = errors;
  return password ? { ...rest, newPassword: password } : rest;
}
