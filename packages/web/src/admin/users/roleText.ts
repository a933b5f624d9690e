import type { RoleAssignmentView } from '@samsyn/core';
import type { TFunction } from 'i18next';

/** "Enhetschef, Exempelstads kommun – Norrskolan". */
export function roleText(role: RoleAssignmentView, t: TFunction): string {
  const label = t(`roles.${role.role}`);
  return role.unitName
    ? t('users.roleLineUnit', { role: label, organisation: role.organisationName, unit: role.unitName })
    : t('users.roleLine', { role: label, organisation: role.organisationName });
}
