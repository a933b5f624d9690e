import type { ChildView, ProtectedIdentityLevel } from '@samsyn/core';
import type { TFunction } from 'i18next';

type Name = ChildView['name'];

/** "Ebba Vårdnadshavare", or "Skyddad identitet" when the record hides who the child is. */
export function childName(name: Name, t: TFunction): string {
  return name ? `${name.givenName} ${name.familyName}` : t('child.record.protectedName');
}

/** `YYYYMMDD-NNNN` whatever form the server sent (it sends that already; masked numbers pass through). */
export function displayIdentityNumber(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

export function protectedLevelText(level: ProtectedIdentityLevel, t: TFunction): string {
  return t(`child.record.protectedLevels.${level}`);
}

const knownDenyReasons = new Set([
  'not_guardian', 'below_access_age', 'not_shared_with_citizens', 'analyst_no_identifiable_data', 'administrator_no_child_data',
  'not_in_care_team', 'team_consent_not_in_force', 'no_consent_for_category', 'emergency_is_read_only', 'not_team_coordinator', 'not_log_reviewer',
]);

/** A refusal's reason from the policy gate, in the UI language. */
export function denyReasonText(reason: string | null, t: TFunction): string {
  const key = reason && knownDenyReasons.has(reason) ? reason : 'unknown';
  return t(`child.record.denyReasons.${key as 'unknown'}`);
}
