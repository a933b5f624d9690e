import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors.ts';
import { FormError } from '../../common/FormActions.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useMoveUnit, type DomainRow } from './useSecrecyDomains.ts';

interface Props {
  /** The domain a unit is moved out of; the dialogue is open while it is set. */
  from: DomainRow | null;
  /** All domains the user administers: the targets are the other domains of the same organisation. */
  domains: readonly DomainRow[];
  onClose: () => void;
  onMoved: (message: string) => void;
}

/**
 * Moving a unit, in two steps: choose the unit and the domain, then confirm after reading what
 * the move means. The move applies from now on; entries already written keep their domain.
 */
export function MoveUnitDialog({ from, domains, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={from !== null} onClose={onClose} closeButtonProps={{ 'aria-label': t('common.close') }} title={t('secrecyDomains.moveTitle')} size="lg">
      {from && <MoveSteps key={from.id} from={from} domains={domains} onClose={onClose} onMoved={onMoved} />}
    </Modal>
  );
}

function MoveSteps({ from, domains, onClose, onMoved }: Props & { from: DomainRow }) {
  const { t } = useTranslation();
  const move = useMoveUnit();
  const [unitId, setUnitId] = useState<string | null>(from.units.length === 1 ? from.units[0]!.id : null);
  const [toId, setToId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ unit?: string; to?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const targets = domains.filter((d) => d.organisationId === from.organisationId && d.id !== from.id);
  const unit = from.units.find((u) => u.id === unitId);
  const to = targets.find((d) => d.id === toId);

  // The confirmation replaces the choices: move the focus to it so a screen reader reads it.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function next(event: FormEvent) {
    event.preventDefault();
    const found = { ...(unit ? {} : { unit: t('validation.required') }), ...(to ? {} : { to: t('validation.required') }) };
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  }

  function confirm() {
    if (!unit || !to) return;
    setFailure(null);
    move.mutate(
      { unitId: unit.id, secrecyDomainId: to.id },
      {
        onSuccess: () => onMoved(t('secrecyDomains.moved', { unit: unit.name, to: to.name })),
        onError: (error) => setFailure(errorText(error, t, currentLanguage())),
      },
    );
  }

  if (confirming && unit && to) {
    const names = { unit: unit.name, from: from.name, to: to.name };
    return (
      <Stack gap="md">
        <FormError text={failure} />
        <div ref={confirmRef} tabIndex={-1} className="focus-target">
          <Text fw={600}>{t('secrecyDomains.confirmQuestion', names)}</Text>
        </div>
        <Alert color="orange" variant="light" title={t('secrecyDomains.consequenceTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('secrecyDomains.consequenceEarlier', names)}</Text>
            <Text size="sm">{t('secrecyDomains.consequenceFromNow', names)}</Text>
            <Text size="sm">{t('secrecyDomains.consequenceLogged')}</Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('secrecyDomains.back')}</Button>
          <Button color="red" onClick={confirm} loading={move.isPending}>{t('secrecyDomains.confirmMove')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={next} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('secrecyDomains.moveIntro', { from: from.name })}</Text>
        <Select
          label={t('secrecyDomains.unit')}
          data={from.units.map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          allowDeselect={false}
          searchable
          required
          error={errors.unit}
          nothingFoundMessage={t('table.empty')}
          data-autofocus
        />
        <Select
          label={t('secrecyDomains.moveTo')}
          data={targets.map((d) => ({ value: d.id, label: d.name }))}
          value={toId}
          onChange={setToId}
          allowDeselect={false}
          required
          error={errors.to}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit">{t('secrecyDomains.next')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
