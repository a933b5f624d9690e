/**
 * Who keeps a child's identity data (the register: names, identity number, protected identity,
 * address, school, guardians), and who may add a child to Samsyn. Pure decisions; the server's
 * gate (`withChildRegister`, `decideChildCreation`) asks them and logs the answer.
 */
import type { PolicyActor } from '../access/policy.ts';
import { holdsRole } from '../access/policy.ts';
import type { OrganisationKind } from '../organisations/schema.ts';

export type RegisterDecision =
  | { allow: true; reason: 'register_administrator'; flagged: boolean }
  | { allow: false; reason: 'not_register_administrator'; flagged: boolean };

/**
 * An organisation administrator keeps the register of the children whose home municipality is
 * their organisation: they import it and correct it. It is not a basis to read the record (the
 * care team's entries, consents, the plan); a system administrator manages organisations, not
 * registers. A role the actor granted themselves never counts.
 */
export function decideRegisterAccess(actor: PolicyActor, child: { homeOrganisationId: string; protectedIdentity: string | null }): RegisterDecision {
  const flagged = child.protectedIdentity !== null;
  return holdsRole(actor, child.homeOrganisationId, 'org_admin') ? { allow: true, reason: 'register_administrator', flagged } : { allow: false, reason: 'not_register_administrator', flagged };
}

/** The organisations whose register this actor keeps (imports into). */
export function registerOrganisations(actor: PolicyActor): string[] {
  return [...new Set(actor.roles.filter((r) => r.role === 'org_admin' && holdsRole(actor, r.organisationId, 'org_admin')).map((r) => r.organisationId))];
}

export type CreationDecision =
  | { allow: true }
  | { allow: false; reason: 'not_a_professional_there' | 'organisation_cannot_register' };

/**
 * A professional creates a record for a child they work with, for the organisation they work in
 * (they join the team on that basis): a municipality's or a region's. A partner (police, a
 * non-profit, a private provider) works with children Samsyn already has, through consent.
 */
export function decideChildCreation(actor: PolicyActor, organisation: { id: string; kind: OrganisationKind }): CreationDecision {
  if (!holdsRole(actor, organisation.id, 'professional')) return { allow: false, reason: 'not_a_professional_there' };
  if (organisation.kind === 'partner') return { allow: false, reason: 'organisation_cannot_register' };
  return { allow: true };
}

/**
 * The child's home municipality (hemkommun) as a creator's organisation decides it: a
 * municipality's professional registers children of their own municipality; a region's
 * professional chooses one of the municipalities of the region's county.
 */
export function homeMunicipalityChoice(
  organisation: { id: string; kind: OrganisationKind; countyCode: string | null },
  municipalities: readonly { id: string; countyCode: string | null }[],
): { fixed: string } | { choose: string[] } {
  if (organisation.kind === 'municipality') return { fixed: organisation.id };
  return { choose: municipalities.filter((m) => m.countyCode !== null && m.countyCode === organisation.countyCode).map((m) => m.id) };
}
