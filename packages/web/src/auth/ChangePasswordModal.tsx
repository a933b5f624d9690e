import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

export function ChangePasswordModal({ opened, onClose, username }: { opened: boolean; onClose: () => void; username: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);

  function close() {
    setDone(false);
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('password.changeTitle')} centered>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="green" variant="light" mb="md">
            <Text size="sm" className="text-success">{t('password.changed')}</Text>
          </Alert>
        )}
      </div>
      {done ? (
        <Group justify="flex-end"><Button onClick={close}>{t('common.close')}</Button></Group>
      ) : (
        <PasswordChangeForm username={username} onDone={() => setDone(true)} onCancel={close} />
      )}
    </Modal>
  );
}
