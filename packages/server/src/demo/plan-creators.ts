import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The demo's candidates for writing a child's plan, the same rule for the demo child's neighbours
 * (plans.ts) and the county's plans (plan-county.ts): a team member in force on their own
 * organisation's basis, writing in their unit's secrecy domain, for a child without protected
 * identity, on a consent in force that covers the plan, names the member's organisation and was
 * not entered by the member (nobody grants themselves access). Each caller narrows it.
 *
 * In an order the seed decides: by identity number, user name and the consent's dates, never by a
 * row's random id, so the same seed on the same day names the same creators and consents.
 */
export function planCreatorCandidates(trx: Transaction<DB>, today: string) {
  return trx
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .innerJoin('consent as k', 'k.child_id', 'm.child_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'm.unit_id').on('d.valid_to', 'is', null))
    .select(['c.id as child_id', 'c.given_name', 'k.id as consent_id', 'm.user_id', 'u.display_name', 'm.organisation_id', 'm.unit_id', 'd.secrecy_domain_id'])
    .where('m.ends_at', 'is', null)
    .where('m.basis', '=', 'own_organisation')
    .where('c.protected_identity', 'is', null)
    .where('k.withdrawn_at', 'is', null)
    .where('k.valid_from', '<=', today)
    .where((eb) => eb.or([eb('k.valid_to', 'is', null), eb('k.valid_to', '>=', today)]))
    .where(sql<boolean>`'plan' = ANY (k.categories) AND m.organisation_id = ANY (k.organisation_ids)`)
    .where((eb) => eb.or([eb('k.recorded_by_professional', 'is', null), eb('k.recorded_by_professional', '!=', eb.ref('m.user_id'))]))
    .orderBy('c.identity_number')
    .orderBy('u.username')
    .orderBy('k.valid_from')
    .orderBy('k.recorded_at');
}
