import { careTeamRoles, formatIdentityNumber, infoCategories, maskIdentityNumber, type AccessBasis, type ChildView, type EntryFacts, type InfoCategory } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { toMemberView } from '../care-team/service.ts';
import type { LoadedChildRecord } from './queries.ts';

/** Builds the record the caller may see from an allowed access; entries are decided one author at a time. */
export function toChildView(access: ChildAccess, row: LoadedChildRecord): ChildView {
  const { fields } = access.decision;
  const reveal = fields.protectedIdentity || row.protected_identity === null;
  const categories = infoCategories.map((category) => {
    const visible = row.entries.flatMap((e) => {
      if (e.category !== category) return [];
      const d = access.decide('read', category, entryFacts(e));
      return d.allow ? [toEntryView(e, category, d.basis)] : [];
    });
    return { category, sharedFromOthers: access.sharedFromOtherDomains(category), entries: visible };
  });
  return {
    id: row.id,
    identityNumber: reveal ? formatIdentityNumber(row.identity_number) : maskIdentityNumber(row.identity_number),
    name: reveal ? { givenName: row.given_name, familyName: row.family_name } : null,
    birthDate: row.birth_date,
    sex: row.sex,
    address: reveal ? { streetAddress: row.street_address, postalCode: row.postal_code, city: row.city } : null,
    school: reveal && row.school_unit_id && row.school_name ? { unitId: row.school_unit_id, name: row.school_name } : null,
    homeOrganisation: { id: row.home_id, name: row.home_name },
    protectedIdentity: row.protected_identity,
    identityHidden: !reveal,
    guardians: row.guardians.map((g) => {
      // A protected guardian is shown only to a team member who opened the record on purpose;
      // never to the family, since the protection may be from someone in it.
      const show = g.protected_identity === null ? reveal : fields.protectedGuardians;
      return {
        id: g.id,
        name: show ? { givenName: g.given_name, familyName: g.family_name } : null,
        identityNumber: show ? formatIdentityNumber(g.identity_number) : null,
        phone: show ? g.phone : null,
        email: show ? g.email : null,
        address: show ? { streetAddress: g.street_address, postalCode: g.postal_code, city: g.city } : null,
      };
    }),
    careTeam: [...row.team].sort(byRoleThenName).map(toMemberView),
    categories,
    access: { basis: access.decision.basis, reason: access.decision.reason, fields, actions: [...access.decision.actions] },
  };
}

type Entry = LoadedChildRecord['entries'][number];

/** What the gate weighs about an entry: where and when it was written. */
export function entryFacts(e: Pick<Entry, 'organisation_id' | 'secrecy_domain_id' | 'unit_id' | 'created_at'>): EntryFacts {
  return { organisationId: e.organisation_id, secrecyDomainId: e.secrecy_domain_id, unitId: e.unit_id, writtenAt: new Date(e.created_at) };
}

function toEntryView(e: Entry, category: InfoCategory, basis: AccessBasis) {
  return {
    id: e.id,
    category,
    organisationId: e.organisation_id,
    organisationName: e.organisation_name,
    secrecyDomainName: e.secrecy_domain_name,
    authorName: e.author_name,
    occurredOn: e.occurred_on,
    title: e.title,
    body: e.body,
    basis,
  };
}

type Member = LoadedChildRecord['team'][number];

/** The record lists the named person first, then the lead professional, then members by name. */
function byRoleThenName(a: Member, b: Member): number {
  return careTeamRoles.indexOf(a.role) - careTeamRoles.indexOf(b.role) || a.display_name.localeCompare(b.display_name, 'sv');
}
