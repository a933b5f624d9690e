import type { FastifyRequest } from 'fastify';
import { formatIdentityNumber, type Language, type RegisterExtract, type RegisterExtractOmission } from '@samsyn/core';
import { registerExtractTexts } from '@samsyn/core';
import { withChildAccessLoading } from '../access/gate.ts';
import { auditFrom } from '../audit/context.ts';
import { recordWithFacts } from '../children/queries.ts';
import { toChildView } from '../children/view.ts';
import { listConsents } from '../consent/service.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { childTombstones } from '../retention/queries.ts';
import { listDisclosures } from '../sharing/service.ts';
import { childrenRows, findLooks } from './queries.ts';
import { describe } from './service.ts';
import { extractLimit } from './service.ts';

/**
 * The register extract (GDPR art. 15) for a guardian, or the child from the access age: one
 * question to the gate (`read` of the record, purpose open_record), one audit entry, and then
 * only what the family may see, through the same views the e-service uses. What is left out is
 * named with its reason; record entries are never in it (see DESIGN.md: each organisation
 * decides on releasing its own records, and a protected reporter stays protected).
 */
export async function registerExtract(request: FastifyRequest, childId: string, language: Language): Promise<RegisterExtract> {
  const actor = requireActor(request.actor);
  const { db, clock, audit } = request.server.services;
  if (actor.kind !== 'citizen') {
    await audit.append({ ...auditFrom(request), action: 'child.register_extract', subjectType: 'child', subjectId: childId, outcome: 'denied', details: { reason: 'not_a_citizen' } });
    throw new AppError('forbidden', { details: { reason: 'not_a_citizen' } });
  }
  const { access, loaded } = await withChildAccessLoading(request, childId, 'read', 'record', { auditAction: 'child.register_extract', purpose: 'open_record' }, recordWithFacts);
  const view = toChildView(access, loaded);
  const texts = registerExtractTexts[language];
  const [consents, disclosures, looks, [childRow], user, guardian, tombstones] = await Promise.all([
    listConsents(request, access),
    listDisclosures(request, access),
    findLooks(db, { childId: access.childId, excludeActorId: actor.userId }, { limit: extractLimit, offset: 0 }),
    childrenRows(db, [access.childId]),
    db.selectFrom('app_user').select(['username', 'display_name', 'email', 'created_at']).where('id', '=', actor.userId).executeTakeFirstOrThrow(),
    db.selectFrom('guardian').selectAll().where('user_id', '=', actor.userId).executeTakeFirst(),
    childTombstones(db, access.childId),
  ]);
  const leftOut: RegisterExtractOmission[] = ['record_entries', 'others_own_looks'];
  if (view.guardians.some((g) => g.name === null)) leftOut.push('protected_guardian');
  if (view.identityHidden) leftOut.push('protected_identity');
  if (tombstones.length > 0) leftOut.push('erased');
  const { categories: _categories, access: _access, ...child } = view;
  return {
    generatedAt: clock.now().toISOString(),
    language,
    relation: access.decision.reason === 'self' ? 'self' : 'guardian',
    you: {
      username: user.username,
      displayName: user.display_name,
      email: user.email,
      accountCreatedAt: new Date(user.created_at).toISOString(),
      guardian: guardian
        ? {
            name: { givenName: guardian.given_name, familyName: guardian.family_name },
            identityNumber: formatIdentityNumber(guardian.identity_number),
            phone: guardian.phone,
            email: guardian.email,
            address: { streetAddress: guardian.street_address, postalCode: guardian.postal_code, city: guardian.city },
          }
        : null,
    },
    child,
    consents: consents.map(({ mayWithdraw: _may, ...c }) => c),
    disclosures,
    accessLog: looks.map((r) => {
      const d = describe(r, childRow?.user_id ?? null, language);
      return { time: d.time, who: d.who.organisation ? `${d.who.name} (${d.who.organisation})` : d.who.name, what: d.what, basis: d.basisLabel, legalGround: d.legalGround };
    }),
    erased: tombstones.map((s) => ({ category: s.category, ruleId: s.rule_id, recordedAt: s.recorded_at ? new Date(s.recorded_at).toISOString() : null, erasedAt: new Date(s.erased_at).toISOString() })),
    leftOut: leftOut.map((what) => ({ what, why: texts.leftOut[what] })),
  };
}
