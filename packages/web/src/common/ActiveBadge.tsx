import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" className={active ? 'badge-active' : 'badge-inactive'} tt="none">
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
