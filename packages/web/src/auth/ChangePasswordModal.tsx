import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { checkPassword, passwordPolicy } from '@samsyn/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorText, serverFieldErrors, type FieldErrors } from '../common/errors.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useChangePassword } from './session.ts';

export function ChangePasswordModal({ opened, onClose, username }: { opened: boolean; onClose: () => void; username: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);

  function close() {
    setCurrent('');
    setNext('');
    setConfirm('');
    setErrors({});
    setDone(false);
    change.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!current) found.currentPassword = t('validation.required');
    const problems = checkPassword(next, username);
    if (problems.length > 0) found.newPassword = problems.map((p) => t(`password.problems.${p}`, { min: passwordPolicy.minLength, max: passwordPolicy.maxLength })).join(' ');
    if (next !== confirm) found.confirm = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'invalid_credentials') setErrors({ currentPassword: t('password.wrongCurrent') });
          else setErrors(renameFields(serverFieldErrors(error, t)));
        },
      },
    );
  }

  const failure = change.error && !(change.error instanceof ApiError && ['invalid_credentials', 'weak_password', 'validation_failed'].includes(change.error.code));
  return (
    <Modal opened={opened} onClose={close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('password.changeTitle')} centered>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="green" variant="light" mb="md">
            <Text size="sm" className="text-success">{t('password.changed')}</Text>
          </Alert>
        )}
      </div>
      {failure && <Alert color="red" variant="light" role="alert" mb="md"><Text size="sm" className="text-error">{errorText(change.error, t, currentLanguage())}</Text></Alert>}
      {done ? (
        <Group justify="flex-end"><Button onClick={close}>{t('common.close')}</Button></Group>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput label={t('password.current')} autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.currentPassword} aria-invalid={Boolean(errors.currentPassword) || undefined} data-autofocus />
            <PasswordInput label={t('password.new')} description={t('password.policy', { min: passwordPolicy.minLength })} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.newPassword} aria-invalid={Boolean(errors.newPassword) || undefined} />
            <PasswordInput label={t('password.confirm')} autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} error={errors.confirm} aria-invalid={Boolean(errors.confirm) || undefined} />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button type="submit" loading={change.isPending}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The server names the field `password`; here it is the new one. */
function renameFields(errors: FieldErrors): FieldErrors {
  const { password, ...rest } = errors;
  return password ? { ...rest, newPassword: password } : rest;
}
