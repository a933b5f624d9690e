import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { codeState, formatCode, formState, isWellFormedCode, normalizeCode, selfRatingCode, stockholmDate, type SelfRatingCodeView, type SelfRatingOpened, type SelfRatingSubmitInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { hashToken } from '../auth/sessions.ts';
import { attemptSucceeded, takeAttempt } from '../auth/throttle.ts';
import { withChildWrite, type ChildAccess } from '../access/gate.ts';
import { canonicalId } from '../access/ids.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { actorRolesOfUser } from '../users/queries.ts';
import { checkAnswers, ownPlace, toModelVersion } from './service.ts';
import { assessmentById, currentModelVersion, insertAssessment } from './queries.ts';
import { toAssessmentView } from './service.ts';

/** A code a child can type: eight letters and digits that cannot be confused. */
function newCode(): string {
  const { alphabet, length } = selfRatingCode;
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * Issues a one-time code inside an allowed write of `wellbeing`: the code carries the issuer's
 * right to write the child's (or a guardian's) view in the issuer's own domain, and nothing else.
 * Only its hash is kept; the code itself is shown once, to the issuer.
 */
export async function issueCode(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, respondent: 'child' | 'guardian'): Promise<SelfRatingCodeView> {
  if (access.actor.citizen) throw new AppError('access_denied', { details: { reason: 'professionals_only' } });
  const place = ownPlace(access);
  const now = request.server.services.clock.now();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + selfRatingCode.validMinutes * 60_000);
  const row = await trx
    .insertInto('wellbeing_self_rating_code')
    .values({ child_id: access.childId, respondent, code_hash: hashToken(code), issued_by: access.actor.userId, organisation_id: place.organisationId, unit_id: place.unitId, secrecy_domain_id: place.secrecyDomainId, issued_at: now, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await access.logWrite(trx, { category: 'wellbeing', codeId: row.id, respondent, expiresAt: expiresAt.toISOString() });
  // The link carries the code after '#': a fragment never reaches a server's or a proxy's log.
  return { code: formatCode(code), respondent, expiresAt: expiresAt.toISOString(), path: `/self-rating#${formatCode(code)}` };
}

function refused(reason: 'code_unknown' | 'code_expired' | 'code_used' | 'form_unknown' | 'form_expired' | 'form_used'): AppError {
  return new AppError('forbidden', { details: { reason } });
}

/**
 * Opens the form a code is for, and spends the code: the form gets a token of its own that takes
 * one answer. An unknown, expired or spent code is refused, and the attempt logged (with the
 * child when the code names one). The conditional update makes two opens at once spend it once.
 */
export async function openCode(request: FastifyRequest, typed: string): Promise<SelfRatingOpened> {
  const { db, clock, audit, config } = request.server.services;
  const now = clock.now();
  const code = normalizeCode(typed);
  const base = { ...auditFrom(request), action: 'child.wellbeing.code_open' as const, subjectType: 'child' };
  // Guessing codes is slowed down per client address, like guessing passwords (a counter of its own).
  const keys = [{ scope: 'address' as const, key: `self-rating:${request.ip}` }];
  const attempt = await takeAttempt(db, keys, config.loginThrottle, now);
  if (!attempt.allowed) {
    await audit.append({ ...base, outcome: 'denied', details: { reason: 'throttled' } });
    throw new AppError('rate_limited', { headers: { 'retry-after': String(attempt.retryAfterSeconds) } });
  }
  const row = isWellFormedCode(code) ? await db.selectFrom('wellbeing_self_rating_code').selectAll().where('code_hash', '=', hashToken(code)).executeTakeFirst() : undefined;
  if (!row) {
    await audit.append({ ...base, outcome: 'denied', details: { reason: 'code_unknown' } });
    throw refused('code_unknown');
  }
  const subject = { ...base, subjectId: canonicalId(row.child_id), organisationId: row.organisation_id };
  const state = codeState({ expiresAt: new Date(row.expires_at), openedAt: row.opened_at ? new Date(row.opened_at) : null }, now);
  if (state !== 'valid') {
    await audit.append({ ...subject, outcome: 'denied', details: { reason: `code_${state}`, codeId: row.id } });
    throw refused(`code_${state}`);
  }
  const formToken = randomBytes(24).toString('base64url');
  const formExpiresAt = new Date(now.getTime() + selfRatingCode.formHours * 3_600_000);
  const opened = await db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('wellbeing_self_rating_code')
      .set({ opened_at: now, form_token_hash: hashToken(formToken), form_expires_at: formExpiresAt })
      .where('id', '=', row.id)
      .where('opened_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    await appendAudit(trx, [{ ...subject, outcome: spent ? 'success' : 'denied', details: { reason: spent ? 'code_opened' : 'code_used', codeId: row.id, respondent: row.respondent } }], now);
    return spent !== undefined;
  });
  if (!opened) throw refused('code_used');
  await attemptSucceeded(db, keys, config.loginThrottle, now);
  const model = await currentModelVersion(db);
  if (!model) throw new AppError('not_found');
  return { formToken, respondent: row.respondent, formExpiresAt: formExpiresAt.toISOString(), model: toModelVersion(model) };
}

/**
 * Sends the answers of a form opened from a code. The write is the issuer's, asked of the gate as
 * of now for an entry of the code's domain: a code whose issuer has left the team, or whose unit
 * moved, writes nothing. The answer lands as the child's (or the guardian's) view, via the code.
 */
export async function submitForm(request: FastifyRequest, input: SelfRatingSubmitInput) {
  const { db, clock, audit } = request.server.services;
  const now = clock.now();
  const base = { ...auditFrom(request), action: 'child.wellbeing.record' as const, subjectType: 'child' };
  const row = await db.selectFrom('wellbeing_self_rating_code').selectAll().where('form_token_hash', '=', hashToken(input.formToken)).executeTakeFirst();
  if (!row) {
    await audit.append({ ...base, outcome: 'denied', details: { reason: 'form_unknown', via: 'code' } });
    throw refused('form_unknown');
  }
  const state = formOf(row, now);
  if (state !== 'valid') {
    await audit.append({ ...base, subjectId: canonicalId(row.child_id), organisationId: row.organisation_id, outcome: 'denied', details: { reason: `form_${state}`, codeId: row.id, via: 'code' } });
    throw refused(`form_${state}`);
  }
  const issuer = await issuerActor(request, row.issued_by);
  const entry = { organisationId: row.organisation_id, secrecyDomainId: row.secrecy_domain_id, unitId: row.unit_id, writtenAt: now };
  // The gate asks about the one who holds the right: for this request, the issuer (the log says via the code).
  const asked = request.actor;
  request.actor = issuer;
  try {
    return await withChildWrite(request, row.child_id, 'wellbeing', { auditAction: 'child.wellbeing.record', entry, details: { via: 'code', codeId: row.id, respondent: row.respondent } }, async (trx, access) => {
      const locked = await trx.selectFrom('wellbeing_self_rating_code').selectAll().where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
      const again = formOf(locked, now);
      if (again !== 'valid') throw refused(`form_${again}`);
      await checkAnswers(trx, input);
      const id = await insertAssessment(trx, {
        childId: access.childId,
        modelVersionId: input.modelVersionId,
        respondent: row.respondent,
        via: 'code',
        occurredOn: stockholmDate(now),
        organisationId: row.organisation_id,
        unitId: row.unit_id,
        secrecyDomainId: row.secrecy_domain_id,
        recordedBy: row.issued_by,
        answers: input.answers,
        important: input.important,
        at: now,
      });
      await trx.updateTable('wellbeing_self_rating_code').set({ submitted_at: now, assessment_id: id }).where('id', '=', row.id).execute();
      await access.logWrite(trx, { category: 'wellbeing', assessmentId: id, via: 'code', codeId: row.id, respondent: row.respondent, secrecyDomainId: row.secrecy_domain_id });
      return { respondent: toAssessmentView(await assessmentById(trx, access.childId, id)).respondent };
    });
  } finally {
    request.actor = asked;
  }
}

function formOf(row: { form_expires_at: Date | string | null; submitted_at: Date | string | null }, now: Date) {
  return formState({ formExpiresAt: row.form_expires_at ? new Date(row.form_expires_at) : null, submittedAt: row.submitted_at ? new Date(row.submitted_at) : null }, now);
}

/** The issuer as the gate sees an actor: their account and the roles they hold now. */
async function issuerActor(request: FastifyRequest, userId: string): Promise<Actor> {
  const { db } = request.server.services;
  const user = await db
    .selectFrom('app_user as u')
    .select((eb) => ['u.id', 'u.username', 'u.display_name', 'u.kind', 'u.active', jsonArrayFrom(actorRolesOfUser(eb, 'u.id')).as('roles')])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const roles = user.active ? user.roles : [];
  return { userId: user.id, username: user.username, displayName: user.display_name, authMethod: 'local', kind: user.kind, roles, sessionTokenHash: '', passwordResetBy: null, mustChangePassword: false };
}
