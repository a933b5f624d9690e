import type { Kysely, Transaction } from 'kysely';
import type { InfoCategory } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The child's sharing ledger, newest first. */
export async function disclosuresOf(db: Db, childId: string) {
  return ledgerQuery(db, childId).orderBy('d.decided_at', 'desc').execute();
}
export type DisclosureRow = Awaited<ReturnType<typeof disclosuresOf>>[number];

/** One entry of the child's ledger, as the ledger shows it. */
export async function disclosureOf(db: Db, childId: string, id: string): Promise<DisclosureRow | undefined> {
  return ledgerQuery(db, childId).where('d.id', '=', id).executeTakeFirst();
}

function ledgerQuery(db: Db, childId: string) {
  return db
    .selectFrom('disclosure as d')
    .innerJoin('organisation as f', 'f.id', 'd.from_organisation_id')
    .innerJoin('organisation as t', 't.id', 'd.to_organisation_id')
    .innerJoin('app_user as u', 'u.id', 'd.decided_by')
    .leftJoin('legal_ground as g', 'g.code', 'd.legal_ground_code')
    .leftJoin('secrecy_domain as td', 'td.id', 'd.to_secrecy_domain_id')
    .select([
      'd.id', 'd.decision', 'd.from_organisation_id', 'd.from_secrecy_domain_id', 'f.name as from_name', 'd.to_organisation_id', 't.name as to_name', 'd.to_secrecy_domain_id', 'td.name as to_domain_name', 'd.categories', 'd.what', 'd.reason',
      'd.legal_ground_code', 'g.kind as ground_kind', 'g.title_sv as ground_title_sv', 'g.title_en as ground_title_en', 'g.reference as ground_reference',
      'd.consent_id', 'd.decided_by', 'u.display_name as decided_by_name', 'd.decided_at',
    ])
    .where('d.child_id', '=', childId);
}

export interface NewDisclosure {
  childId: string;
  decision: 'shared' | 'not_shared';
  fromOrganisationId: string;
  toOrganisationId: string;
  toSecrecyDomainId: string | null;
  categories: InfoCategory[];
  what: string;
  reason: string;
  legalGroundCode: string | null;
  consentId: string | null;
  decidedBy: string;
  /** The sharer's secrecy domain: where the information comes from. */
  fromSecrecyDomainId: string;
  decidedAt: Date;
}

export async function insertDisclosure(trx: Transaction<DB>, d: NewDisclosure): Promise<string> {
  const row = await trx
    .insertInto('disclosure')
    .values({
      child_id: d.childId,
      decision: d.decision,
      from_organisation_id: d.fromOrganisationId,
      from_secrecy_domain_id: d.fromSecrecyDomainId,
      to_organisation_id: d.toOrganisationId,
      to_secrecy_domain_id: d.toSecrecyDomainId,
      categories: d.categories,
      what: d.what,
      reason: d.reason,
      legal_ground_code: d.legalGroundCode,
      consent_id: d.consentId,
      decided_by: d.decidedBy,
      decided_at: d.decidedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether a secrecy domain is one of the organisation's own. */
export async function domainBelongsTo(db: Db, domainId: string, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('secrecy_domain').select('id').where('id', '=', domainId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return row !== undefined;
}
