import type { Kysely, Transaction } from 'kysely';
import type { PolicyActor, PolicyChild } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../http/types.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Everything the policy gate needs about one child, in four indexed queries. */
export async function loadPolicyChild(db: Db, childId: string, actorUserId: string): Promise<PolicyChild | undefined> {
  const child = await db
    .selectFrom('child')
    .select(['id', 'birth_date', 'protected_identity', (eb) => eb.selectFrom('child_guardian').select(eb.fn.countAll<number>().as('n')).whereRef('child_guardian.child_id', '=', 'child.id').as('guardian_count')])
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child) return undefined;
  const [team, consents, emergencies] = await Promise.all([
    db.selectFrom('care_team_member').selectAll().where('child_id', '=', childId).execute(),
    db.selectFrom('consent').selectAll().where('child_id', '=', childId).execute(),
    db.selectFrom('emergency_access').select(['user_id', 'starts_at', 'expires_at']).where('child_id', '=', childId).where('user_id', '=', actorUserId).execute(),
  ]);
  return {
    id: child.id,
    birthDate: child.birth_date,
    guardianCount: Number(child.guardian_count ?? 0),
    protectedIdentity: child.protected_identity,
    careTeam: team.map((m) => ({
      userId: m.user_id,
      organisationId: m.organisation_id,
      role: m.role,
      startsAt: new Date(m.starts_at),
      endsAt: m.ends_at ? new Date(m.ends_at) : null,
      basis: m.basis,
      consentId: m.consent_id,
    })),
    consents: consents.map((c) => ({
      id: c.id,
      givenBy: c.given_by,
      organisationIds: c.organisation_ids,
      categories: c.categories,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at) : null,
    })),
    emergencyAccesses: emergencies.map((e) => ({ userId: e.user_id, startsAt: new Date(e.starts_at), expiresAt: new Date(e.expires_at) })),
  };
}

/** The actor as the gate sees them; a citizen account also brings whose guardian or who they are. */
export async function loadPolicyActor(db: Db, actor: Actor): Promise<PolicyActor> {
  const base = { userId: actor.userId, roles: actor.roles.map((r) => ({ organisationId: r.organisationId, role: r.role })) };
  if (actor.kind !== 'citizen') return base;
  const [guardianOf, self] = await Promise.all([
    db.selectFrom('child_guardian').innerJoin('guardian', 'guardian.id', 'child_guardian.guardian_id').select('child_guardian.child_id').where('guardian.user_id', '=', actor.userId).execute(),
    db.selectFrom('child').select('id').where('user_id', '=', actor.userId).executeTakeFirst(),
  ]);
  return { ...base, citizen: { guardianOf: guardianOf.map((g) => g.child_id), selfChildId: self?.id ?? null } };
}
