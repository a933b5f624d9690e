import type { FastifyRequest } from 'fastify';
import { accessLogCsvHeader, accessLogCsvRow, describeLook, formatIdentityNumber, pickLanguage, reviewScope, toCsv, type AccessLog, type AccessLogActor, type AccessLogEntry, type Language, type MyChild } from '@samsyn/core';
import { reportAuditActions, type AuditAction, type ChildAction } from '@samsyn/core';
import { withChildAccess } from '../access/gate.ts';
import { loadPolicyActor } from '../access/facts.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { childrenRows, countLooks, findLooks, type AccessLogFilter, type LookRow } from './queries.ts';

/** The log extract holds at most this many looks. */
export const extractLimit = 10_000;

/**
 * The children a citizen may see: a guardian's children under 18, and the child themselves
 * from the configured age. Each is asked of the gate, so each appearance is logged.
 */
export async function myChildren(request: FastifyRequest): Promise<MyChild[]> {
  const actor = requireActor(request.actor);
  if (actor.kind !== 'citizen') throw new AppError('forbidden');
  const { db } = request.server.services;
  const citizen = (await loadPolicyActor(db, actor)).citizen;
  const candidates = [...new Set([...(citizen?.guardianOf ?? []), ...(citizen?.selfChildId ? [citizen.selfChildId] : [])])];
  const allowed: string[] = [];
  const actions = new Map<string, ChildAction[]>();
  for (const childId of candidates) {
    try {
      const access = await withChildAccess(request, childId, 'read', 'record', { auditAction: 'citizen.children.list', purpose: 'list' });
      allowed.push(childId);
      actions.set(childId, [...access.decision.actions]);
    } catch (error) {
      // A child who has turned 18, or who is below the access age, is simply not listed.
      if (!(error instanceof AppError) || error.code !== 'access_denied') throw error;
    }
  }
  const rows = await childrenRows(db, allowed);
  return rows.map((r) => ({
    id: r.id,
    relation: r.id === citizen?.selfChildId ? ('self' as const) : ('guardian' as const),
    name: { givenName: r.given_name, familyName: r.family_name },
    birthDate: r.birth_date,
    identityNumber: formatIdentityNumber(r.identity_number),
    protectedIdentity: r.protected_identity !== null,
    actions: actions.get(r.id) ?? [],
  }));
}

/**
 * Who looked at the record, when and on what basis. The child and the guardians read it with
 * basis own_record; log reviewers (basis legal_duty) see the looks of the people in their
 * review scope. Other citizens appear only by relation, never by name or id.
 */
export async function accessLog(request: FastifyRequest, childId: string, page: { page: number; pageSize: number }): Promise<AccessLog> {
  const { filter, childUserId } = await openAccessLog(request, childId, 'child.access_log.read');
  const { db } = request.server.services;
  const [total, rows] = await Promise.all([countLooks(db, filter), findLooks(db, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize })]);
  const language = pickLanguage(request.headers['accept-language']);
  return { childId, entries: rows.map((r) => describe(r, childUserId, language)), total, page: page.page, pageSize: page.pageSize };
}

/** The log extract (registerutdrag): the same looks, all of them, as a download. */
export async function accessLogExtract(request: FastifyRequest, childId: string, lang?: Language): Promise<{ entries: AccessLogEntry[]; csv: () => string }> {
  const { filter, childUserId } = await openAccessLog(request, childId, 'child.access_log.extract');
  const rows = await findLooks(request.server.services.db, filter, { limit: extractLimit, offset: 0 });
  const language = lang ?? pickLanguage(request.headers['accept-language']);
  const entries = rows.map((r) => describe(r, childUserId, language));
  return { entries, csv: () => toCsv(accessLogCsvHeader(language), entries.map((e) => accessLogCsvRow(e))) };
}

async function openAccessLog(request: FastifyRequest, childId: string, auditAction: AuditAction): Promise<{ filter: AccessLogFilter; childUserId: string | null }> {
  const actor = requireActor(request.actor);
  const citizen = actor.kind === 'citizen';
  await withChildAccess(request, childId, citizen ? 'read' : 'review_log', 'access_log', { auditAction });
  const [child] = await childrenRows(request.server.services.db, [childId]);
  // Reports of concern, and anything that reveals who reported, never reach the family's pages.
  const filter: AccessLogFilter = citizen ? { childId, excludeActorId: actor.userId, hideActions: reportAuditActions } : { childId, excludeActorId: actor.userId, scope: reviewScope(actor.roles) };
  return { filter, childUserId: child?.user_id ?? null };
}

export function describe(r: LookRow, childUserId: string | null, language: Language): AccessLogEntry {
  const at = new Date(r.at);
  const d = describeLook({ at, action: r.action, category: r.category, basis: r.basis, actor: whoLooked(r, childUserId), legalGround: language === 'en' ? r.title_en : r.title_sv, reviewerRole: r.reviewer_role }, language);
  return { at: at.toISOString(), time: d.time, who: d.who, action: r.action, what: d.what, basis: d.basis, basisLabel: d.basisLabel, basisText: d.basisText, legalGround: d.legalGround, text: d.text };
}

function whoLooked(r: LookRow, childUserId: string | null): AccessLogActor {
  if (!r.actor_id || !r.display_name) return { kind: 'system' };
  // Another citizen is named by relation only: the child (their account is the child's) or a guardian.
  if (r.kind === 'citizen') return { kind: r.actor_id === childUserId ? 'child' : 'guardian' };
  return { kind: 'professional', name: r.display_name, title: r.title, organisation: r.organisation_name ?? r.role_organisation_name ?? null };
}
