import { PlanParams, PlanRevisionInput, PlanView, type AccessDecision, type PlanContents } from '@samsyn/core';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { insertRevision, moveHead, planOf } from './queries.ts';
import { toPlanView } from './views.ts';

/**
 * The ceiling of saving a plan revision, for `npm run bench` only (registered with the bench's
 * other routes, behind --bench-routes, never in production): the same transaction as POST
 * /api/children/{id}/plans/{planId}/revisions — the plan, the stale-base check, the revision,
 * the head's move and the same answer — without the child's lock, the gate and the audit entry.
 */
export async function planBenchRoutes(app: App): Promise<void> {
  const allowed: AccessDecision & { allow: true } = { allow: true, basis: 'own_organisation', reason: 'bench_ceiling', fields: { protectedIdentity: false, protectedGuardians: false }, actions: [], flagged: false };
  app.post('/api/bench/children/:id/plans/:planId/revisions/ungated', {
    schema: { hide: true, params: PlanParams, body: PlanRevisionInput, response: { 201: PlanView, ...errorResponses(400, 401, 404, 409) } },
    handler: async (request, reply) => {
      const { db, clock } = request.server.services;
      const actor = requireActor(request.actor);
      const { id: childId, planId } = request.params;
      const view = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await planOf(trx, childId, actor.userId, planId);
        if (!row) throw new AppError('not_found');
        if (request.body.baseRevision !== row.head_revision) throw new AppError('plan_revision_conflict');
        const number = row.head_revision + 1;
        // Written where the plan lives: the gate is not asked where the writer works.
        const writer = { organisationId: row.organisation_id, unitId: row.unit_id, secrecyDomainId: row.secrecy_domain_id, userId: actor.userId, at: now };
        await insertRevision(trx, { planId, number, basedOn: row.head_revision, contents: request.body.contents as PlanContents, note: request.body.note ?? '', writer });
        if (!(await moveHead(trx, planId, row.head_revision, number))) throw new AppError('plan_revision_conflict');
        // The plan after the save, as the gated save builds it (not read again).
        const after = { ...row, head_revision: number, head_contents: request.body.contents, approved_by_caller: false };
        // The child's birth date for the family's approvals, not the gate's facts.
        const born = await trx.selectFrom('child').select('birth_date').where('id', '=', childId).executeTakeFirst();
        if (!born) throw new AppError('not_found');
        const child = { id: childId, birthDate: born.birth_date, guardianCount: 0, protectedIdentity: null, careTeam: [], consents: [], emergencyAccesses: [] };
        // Every revision shown, as the gate shows them to a participant.
        return toPlanView(trx, request, { childId, actor: { userId: actor.userId, roles: [] }, child, now, decision: allowed }, after, { read: true, standing: 'participant', actions: ['save_revision'] }, () => true);
      });
      return reply.status(201).send(view);
    },
  });
}
