import type { Kysely, Transaction } from 'kysely';
import { maskIdentityNumber, reviewScope, type EmergencyAccessView, type Language, type ReviewScope } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertEmergencyAccess(
  trx: Transaction<DB>,
  row: { childId: string; userId: string; organisationId: string; unitId: string | null; reason: string; legalGroundCode: string; startsAt: Date; expiresAt: Date },
): Promise<string> {
  const inserted = await trx
    .insertInto('emergency_access')
    .values({ child_id: row.childId, user_id: row.userId, organisation_id: row.organisationId, unit_id: row.unitId, reason: row.reason, legal_ground_code: row.legalGroundCode, starts_at: row.startsAt, expires_at: row.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

function selectViews(db: Db) {
  return db
    .selectFrom('emergency_access as e')
    .innerJoin('child as c', 'c.id', 'e.child_id')
    .innerJoin('app_user as u', 'u.id', 'e.user_id')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .leftJoin('unit as un', 'un.id', 'e.unit_id')
    .innerJoin('legal_ground as g', 'g.code', 'e.legal_ground_code')
    .leftJoin('app_user as r', 'r.id', 'e.reviewed_by')
    .select([
      'e.id', 'e.child_id', 'c.identity_number', 'c.protected_identity', 'e.user_id', 'u.display_name', 'u.username', 'u.title',
      'e.organisation_id', 'o.name as organisation_name', 'e.unit_id', 'un.name as unit_name', 'e.reason', 'e.legal_ground_code',
      'g.title_sv', 'g.title_en', 'g.reference', 'e.starts_at', 'e.expires_at', 'e.reviewed_by', 'r.display_name as reviewer_name',
      'e.reviewed_at', 'e.review_outcome', 'e.review_comment',
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['executeTakeFirstOrThrow']>>;

export async function findEmergencyAccess(db: Db, id: string): Promise<ViewRow | undefined> {
  return selectViews(db).where('e.id', '=', id).executeTakeFirst();
}

/** The review queue: emergency accesses opened at the reviewer's units or in their organisations. */
export async function emergencyAccessesInScope(db: Db, scope: ReviewScope, status: 'pending' | 'reviewed'): Promise<ViewRow[]> {
  return selectViews(db)
    .where((eb) => {
      const parts = [];
      if (scope.unitIds.length > 0) parts.push(eb('e.unit_id', 'in', scope.unitIds));
      if (scope.organisationIds.length > 0) parts.push(eb('e.organisation_id', 'in', scope.organisationIds));
      return eb.or(parts);
    })
    .where('e.reviewed_at', status === 'pending' ? 'is' : 'is not', null)
    .orderBy('e.starts_at', status === 'pending' ? 'asc' : 'desc')
    .limit(1000)
    .execute();
}

/**
 * Sets the review, once: the row is updated only while it has none, so two reviewers racing
 * cannot overwrite each other. This is the only update of an emergency access.
 */
export async function recordReview(trx: Transaction<DB>, id: string, review: { reviewerId: string; outcome: 'justified' | 'unjustified'; comment: string; at: Date }): Promise<boolean> {
  const result = await trx
    .updateTable('emergency_access')
    .set({ reviewed_by: review.reviewerId, reviewed_at: review.at, review_outcome: review.outcome, review_comment: review.comment })
    .where('id', '=', id)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function toEmergencyAccessView(row: ViewRow, language: Language, now: Date): EmergencyAccessView {
  const startsAt = new Date(row.starts_at);
  const expiresAt = new Date(row.expires_at);
  return {
    id: row.id,
    // A protected identity shows no number in a list, not even a masked one (the birth date is in it).
    child: { id: row.child_id, identityNumber: row.protected_identity ? null : maskIdentityNumber(row.identity_number), protectedIdentity: row.protected_identity !== null },
    user: { id: row.user_id, name: row.display_name, username: row.username, title: row.title },
    organisation: { id: row.organisation_id, name: row.organisation_name },
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    reason: row.reason,
    legalGround: { code: row.legal_ground_code, title: language === 'en' ? row.title_en : row.title_sv, titleSv: row.title_sv, titleEn: row.title_en, reference: row.reference },
    startsAt: iso(startsAt),
    expiresAt: iso(expiresAt),
    active: startsAt <= now && now < expiresAt,
    review:
      row.reviewed_at && row.review_outcome && row.reviewed_by
        ? { outcome: row.review_outcome, comment: row.review_comment, reviewedAt: iso(row.reviewed_at), reviewer: { id: row.reviewed_by, name: row.reviewer_name ?? '' } }
        : null,
  };
}

/** The sector of the unit an emergency access is opened from; null without a unit. */
export async function sectorOfUnit(db: Db, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const row = await db.selectFrom('unit').select('sector').where('id', '=', unitId).executeTakeFirst();
  return row?.sector ?? null;
}

/**
 * Who reviews an emergency access opened at this place: the active unit managers of the opener's
 * unit; where the unit has none (or the opener has no unit), the organisation's collaboration
 * coordinators. Never the opener.
 */
export async function reviewersOf(db: Db, place: { organisationId: string; unitId: string | null }, openerId: string): Promise<string[]> {
  const holders = (role: 'unit_manager' | 'collaboration_coordinator') => {
    let q = db
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select('r.user_id')
      .distinct()
      .where('r.role', '=', role)
      .where('r.organisation_id', '=', place.organisationId)
      .where('u.active', '=', true)
      .where('r.user_id', '<>', openerId);
    if (role === 'unit_manager') q = q.where('r.unit_id', '=', place.unitId);
    return q.execute();
  };
  const managers = place.unitId ? await holders('unit_manager') : [];
  const chosen = managers.length > 0 ? managers : await holders('collaboration_coordinator');
  return chosen.map((r) => r.user_id);
}

/**
 * The unreviewed emergency accesses this user should review: those opened at a unit they manage,
 * and, for a collaboration coordinator, every one opened in their organisation; never their own.
 * The rows name children: a caller that shows them asks the gate per child (see `reviewQueue`).
 */
export async function emergencyAccessesToReview(db: Db, userId: string): Promise<ViewRow[]> {
  const roles = await db.selectFrom('user_role').select(['organisation_id', 'unit_id', 'role']).where('user_id', '=', userId).where('granted_by', 'is distinct from', userId).execute();
  const scope = reviewScope(roles.map((r) => ({ organisationId: r.organisation_id, unitId: r.unit_id, role: r.role })));
  if (scope.unitIds.length === 0 && scope.organisationIds.length === 0) return [];
  return (await emergencyAccessesInScope(db, scope, 'pending')).filter((r) => r.user_id !== userId);
}
