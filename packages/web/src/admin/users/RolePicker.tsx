import { Select, SimpleGrid } from '@mantine/core';
import { roles, type Role, type Unit } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import type { OrganisationItem } from '../useOrganisations.ts';

export interface RoleDraft {
  organisationId: string | null;
  unitId: string | null;
  role: Role | null;
}

interface Props {
  value: RoleDraft;
  onChange: (value: RoleDraft) => void;
  organisations: OrganisationItem[];
  units: Unit[];
  /** Only system administrators may hand out system administration. */
  allowSystemAdmin: boolean;
  errors: Partial<Record<'organisationId' | 'unitId' | 'role', string>>;
  idPrefix: string;
}

/** Organisation, then optionally one of its units, then the role. */
export function RolePicker({ value, onChange, organisations, units, allowSystemAdmin, errors, idPrefix }: Props) {
  const { t } = useTranslation();
  const unitsOfOrganisation = units.filter((u) => u.organisationId === value.organisationId && u.active);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Select
        id={`${idPrefix}-organisation`}
        label={t('users.roleOrganisation')}
        data={organisations.map((o) => ({ value: o.id, label: o.name }))}
        value={value.organisationId}
        onChange={(organisationId) => onChange({ ...value, organisationId, unitId: null })}
        allowDeselect={false}
        searchable
        required
        error={errors.organisationId}
      />
      <Select
        id={`${idPrefix}-unit`}
        label={t('users.roleUnit')}
        placeholder={t('users.roleUnitNone')}
        data={unitsOfOrganisation.map((u) => ({ value: u.id, label: u.name }))}
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId })}
        disabled={!value.organisationId}
        clearable
        searchable
        error={errors.unitId}
      />
      <Select
        id={`${idPrefix}-role`}
        label={t('users.role')}
        data={roles.filter((r) => allowSystemAdmin || r !== 'system_admin').map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role as Role | null })}
        allowDeselect={false}
        required
        error={errors.role}
      />
    </SimpleGrid>
  );
}
