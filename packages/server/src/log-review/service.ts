import type { FastifyRequest } from 'fastify';
import { accessBases, findOutliers, isReviewer, logReviewCsvHeader, logReviewCsvRow, maskIdentityNumber, reviewScope, toCsv, type AccessBasis, type Language, type LogReviewEntry, type LogReviewFilters, type LogReviewFlag, type LogReviewQuery, type LogReviewResult, type ReviewScope } from '@samsyn/core';
import type { AuditAction } from '@samsyn/core';
import { decideEach } from '../access/gate.ts';
import { canonicalId, isCanonicalUuid } from '../access/ids.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { countEntries, distinctChildrenPerUser, findEntries, type LogRow } from './queries.ts';

/** A CSV export holds at most this many entries; a narrower filter gets the rest. */
export const exportLimit = 50_000;

/**
 * Log review (loggkontroll): unit managers review the entries of the people at their units,
 * collaboration coordinators those in their organisation. Emergency accesses, protected
 * identities, outliers, consents recorded by professionals and looks in a reset password's
 * session are highlighted. Every row names a child, so the gate is asked per child
 * (`review_log`): each child on the page leaves one entry of this request, allowed or refused,
 * and a row about a child the reviewer may not review shows no child and no reason. Filtering by
 * such a child is refused. Reviewing the log is itself logged, too.
 */
export async function searchLog(request: FastifyRequest, query: LogReviewQuery): Promise<LogReviewResult> {
  const { page, pageSize, ...filters } = query;
  const scope = await reviewerScope(request, 'log_review.search', filters);
  const { db, audit } = request.server.services;
  const outliers = await outliersOf(request, scope, filters);
  const ids = outliers.outliers.map((o) => o.userId);
  const [total, rows] = await Promise.all([countEntries(db, scope, filters, ids), findEntries(db, scope, filters, ids, { limit: pageSize, offset: (page - 1) * pageSize })]);
  const reviewable = await reviewableChildren(request, 'child.log_review.search', rows, filters);
  await audit.append({ ...auditFrom(request), action: 'log_review.search', outcome: 'success', details: { filters: defined(filters), page, total } });
  return {
    entries: rows.map((r) => toEntry(r, ids, reviewable)),
    total,
    page,
    pageSize,
    outliers: outliers.outliers.map((o) => ({ userId: o.userId, name: o.name, username: o.username, distinctChildren: o.count })),
    outlierThreshold: Number.isFinite(outliers.threshold) ? outliers.threshold : null,
  };
}


/** The same review as CSV, worded as the page shows it (core's log-review/csv.ts), newest first; gated per child like the page. */
export async function exportLog(request: FastifyRequest, filters: LogReviewFilters, language: Language): Promise<string> {
  const scope = await reviewerScope(request, 'log_review.export', filters);
  const { db, audit } = request.server.services;
  const ids = (await outliersOf(request, scope, filters)).outliers.map((o) => o.userId);
  const rows = await findEntries(db, scope, filters, ids, { limit: exportLimit, offset: 0 });
  const reviewable = await reviewableChildren(request, 'child.log_review.export', rows, filters);
  await audit.append({ ...auditFrom(request), action: 'log_review.export', outcome: 'success', details: { filters: defined(filters), rows: rows.length } });
  return toCsv(logReviewCsvHeader(language), rows.map((r) => logReviewCsvRow(toEntry(r, ids, reviewable), language)));
}


/**
 * Asks the gate about every child the rows name (and the one filtered by): one entry naming each child.
 * A filter by a child the reviewer may not review is refused outright (its refusal is logged).
 */
async function reviewableChildren(request: FastifyRequest, auditAction: AuditAction, rows: readonly LogRow[], filters: LogReviewFilters): Promise<ReadonlySet<string>> {
  const children = [...(filters.childId ? [filters.childId] : []), ...rows.map((r) => r.subject_id ?? '')].map(canonicalId).filter(isCanonicalUuid);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(canonicalId(r.subject_id ?? ''), (counts.get(canonicalId(r.subject_id ?? '')) ?? 0) + 1);
  const answers = await decideEach(request, children, 'review_log', 'access_log', { auditAction, detailsFor: (childId) => ({ filters: defined(filters), rows: counts.get(childId) ?? 0 }) });
  if (filters.childId && answers.get(canonicalId(filters.childId))?.allow !== true) {
    throw new AppError('access_denied', { details: { reason: 'not_log_reviewer' } });
  }
  return new Set([...answers].filter(([, a]) => a.allow).map(([id]) => id));
}

function outliersOf(request: FastifyRequest, scope: ReviewScope, filters: LogReviewFilters) {
  return distinctChildrenPerUser(request.server.services.db, scope, filters).then((users) => findOutliers(users));
}

function toEntry(r: LogRow, outlierIds: readonly string[], reviewable: ReadonlySet<string>): LogReviewEntry {
  const basis = (accessBases as readonly string[]).includes(r.basis ?? '') ? (r.basis as AccessBasis) : null;
  const shown = r.subject_id !== null && reviewable.has(canonicalId(r.subject_id));
  const flags: LogReviewFlag[] = [];
  if (basis === 'emergency' || r.action === 'child.emergency_access.open') flags.push('emergency_access');
  if (r.protected_identity) flags.push('protected_identity');
  if (r.actor_id && outlierIds.includes(r.actor_id)) flags.push('outlier');
  if (r.consent_by_professional) flags.push('consent_recorded_by_professional');
  if (r.password_reset_session) flags.push('password_reset_session');
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actor: { id: r.actor_id, name: r.display_name, username: r.actor_username },
    // Never a child's name here; a protected identity shows no number either, and a child the
    // reviewer may not review shows nothing that names it.
    child: {
      id: shown ? r.subject_id : null,
      identityNumber: shown && r.identity_number && !r.protected_identity ? maskIdentityNumber(r.identity_number) : null,
      protectedIdentity: r.protected_identity !== null,
    },
    action: r.action,
    outcome: r.outcome,
    basis,
    category: r.category,
    // An emergency access's reason is free text about the child.
    reason: shown ? r.reason : null,
    flags,
  };
}

async function reviewerScope(request: FastifyRequest, action: AuditAction, filters: LogReviewFilters): Promise<ReviewScope> {
  const scope = reviewScope(requireActor(request.actor).roles);
  if (!isReviewer(scope)) {
    await request.server.services.audit.append({ ...auditFrom(request), action, outcome: 'denied', details: { reason: 'not_log_reviewer', filters: defined(filters) } });
    throw new AppError('forbidden');
  }
  return scope;
}

/** Drops absent filters, so the logged details are exactly what the reviewer asked for. */
function defined(filters: LogReviewFilters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}
