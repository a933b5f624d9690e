/**
 * The preview of a register file: every row validated and planned against the register as it
 * is, nothing written to any child. The rows wait in `register_import_row` until the
 * administrator accepts or discards them. What is logged: one entry for the preview, and one per
 * existing child the file was compared with (the comparison looks at their identity data).
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  decideRegisterAccess,
  formatIdentityNumber,
  matchHeader,
  parseCsv,
  parseRegisterRow,
  planRow,
  registerOrganisations,
  type PolicyActor,
  type PreviewRow,
  type RegisterImportPreview,
  type RegisterRow,
  type RowError,
} from '@samsyn/core';
import { loadPolicyActor } from '../access/facts.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { importSummary, keptMunicipalities, municipalitiesByCode, schoolUnitsOf, storedChildren, type StoredChild } from './queries.ts';

/** A larger register is split into files; the limit keeps one preview answer reasonable. */
export const MAX_ROWS = 50_000;

/** What a row waiting for its run holds: the file's row and its school unit resolved. */
export interface StagedRow {
  row: RegisterRow;
  schoolUnitId: string | null;
}

/**
 * The municipality whose register the administrator imports into; refused (and logged) otherwise.
 * An administrator who keeps several registers names one; a region keeps none (a register's
 * children are homed in a municipality), so a region's administrator is refused.
 */
export async function registerOrganisationFor(request: FastifyRequest, wanted: string | undefined, auditAction: 'register_import.preview'): Promise<{ actor: PolicyActor; organisationId: string; municipalityCode: string | null }> {
  const { db, audit } = request.server.services;
  const actor = await loadPolicyActor(db, requireActor(request.actor));
  const kept = registerOrganisations(actor);
  const municipalities = await keptMunicipalities(db, kept);
  const chosen = wanted ? kept.find((id) => id === wanted) : municipalities.length === 1 ? municipalities[0]!.id : undefined;
  const municipality = municipalities.find((m) => m.id === chosen);
  const reason = kept.length === 0 || (wanted && !chosen) ? 'not_register_administrator'
    : !chosen && municipalities.length > 1 ? 'organisation_required'
    : !municipality ? 'register_needs_municipality' : null;
  if (reason || !municipality) {
    await audit.append({ ...auditFrom(request), action: auditAction, subjectType: 'register_import', outcome: 'denied', details: { reason } });
    throw reason === 'organisation_required' ? new AppError('validation_failed', { details: [{ path: 'body.organisationId', message: 'required' }] }) : new AppError('forbidden', { details: { reason } });
  }
  return { actor, organisationId: municipality.id, municipalityCode: municipality.code };
}

export async function previewImport(request: FastifyRequest, upload: { organisationId?: string | undefined; fileName: string; content: string }): Promise<RegisterImportPreview> {
  const { db, clock } = request.server.services;
  const { actor, organisationId } = await registerOrganisationFor(request, upload.organisationId, 'register_import.preview');
  const now = clock.now();
  const csv = parseCsv(upload.content);
  const header = matchHeader(csv.header);
  if (header.missing.length > 0 || header.duplicated.length > 0 || csv.unterminatedQuote || csv.rows.length === 0 || csv.rows.length > MAX_ROWS) {
    throw new AppError('register_file_invalid', { details: { missingColumns: header.missing, duplicatedColumns: header.duplicated, unterminatedQuote: csv.unterminatedQuote, rows: csv.rows.length, maxRows: MAX_ROWS } });
  }

  const parsed = csv.rows.map((r) => ({ line: r.line, fields: r.fields, result: parseRegisterRow(r.fields, header, now) }));
  const numbers = parsed.flatMap((p) => (p.result.ok ? [p.result.row.identityNumber] : []));
  const [existing, schools, municipalities] = await Promise.all([
    storedChildren(db, [...new Set(numbers)]),
    schoolUnitsOf(db, organisationId),
    header.indexOf.municipalityCode === undefined ? null : municipalitiesByCode(db),
  ]);
  const seen = new Set<string>();
  const compared = new Set<string>();
  const staged: { line: number; data: StagedRow | null; errors: RowError[] }[] = [];
  const rows: PreviewRow[] = parsed.map(({ line, fields, result }) => {
    const raw = fields[header.indexOf.identityNumber!]?.trim() ?? '';
    if (!result.ok) {
      staged.push({ line, data: null, errors: result.errors });
      return { line, identityNumber: raw, name: null, nameWithheld: null, outcome: 'error', changes: [], newGuardians: 0, errors: result.errors };
    }
    const { row } = result;
    const errors: RowError[] = [];
    if (seen.has(row.identityNumber)) errors.push({ column: 'identityNumber', code: 'duplicate_in_file' });
    seen.add(row.identityNumber);
    const stored = existing.get(row.identityNumber) ?? null;
    const identityNumber = formatIdentityNumber(row.identityNumber);
    // An extract of several municipalities: each row's municipality decides whose register it is,
    // and a row of another one is reported, never compared with anything, its name not repeated.
    const elsewhere = municipalities ? otherRegister(row.municipalityCode!, municipalities, organisationId, stored, actor) : null;
    if (elsewhere) {
      if (elsewhere.code === 'moved_to_other_municipality') compared.add(stored!.id);
      staged.push({ line, data: null, errors: [...errors, elsewhere] });
      return { line, identityNumber, name: null, nameWithheld: 'other_register', outcome: 'error', changes: [], newGuardians: 0, errors: [...errors, elsewhere] };
    }
    const schoolUnitId = row.schoolUnit === null ? null : (schools.get(row.schoolUnit) ?? schools.get(row.schoolUnit.toLowerCase()) ?? null);
    if (row.schoolUnit !== null && !schoolUnitId) errors.push({ column: 'schoolUnit', code: 'unknown_school_unit' });
    // A record kept by another organisation's register: said to exist, nothing more.
    if (stored && !keeps(actor, stored)) errors.push({ column: 'identityNumber', code: 'child_other_organisation' });
    else if (stored) compared.add(stored.id);
    const withheld = row.protectedIdentity !== null || stored?.protectedIdentity ? 'protected_identity' : null;
    const name = withheld ? null : `${row.givenName} ${row.familyName}`;
    if (errors.length > 0) {
      staged.push({ line, data: null, errors });
      return { line, identityNumber, name, nameWithheld: withheld, outcome: 'error', changes: [], newGuardians: 0, errors };
    }
    const plan = planRow(row, schoolUnitId, stored);
    staged.push({ line, data: { row, schoolUnitId }, errors: [] });
    return { line, identityNumber, name, nameWithheld: withheld, outcome: plan.outcome, changes: plan.outcome === 'create' ? [] : plan.changes.map((c) => c.field), newGuardians: plan.guardiansToAdd.length, errors: [] };
  });

  const planned = { create: 0, change: 0, unchanged: 0, error: 0 };
  for (const r of rows) planned[r.outcome] += 1;
  const importId = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('register_import')
      .values({ organisation_id: organisationId, imported_by: actor.userId, file_name: upload.fileName, file_sha256: createHash('sha256').update(upload.content, 'utf8').digest('hex'), status: 'previewed', total_rows: rows.length, error_count: planned.error, previewed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < staged.length; i += 500) {
      await trx.insertInto('register_import_row').values(staged.slice(i, i + 500).map((s) => ({ import_id: created.id, row_number: s.line, data: s.data && JSON.stringify(s.data), errors: JSON.stringify(s.errors) }))).execute();
    }
    const base = { ...auditFrom(request), organisationId };
    const entries: AuditEntry[] = [
      { ...base, action: 'register_import.preview', subjectType: 'register_import', subjectId: created.id, outcome: 'success', details: { fileName: upload.fileName, rows: rows.length, planned } },
      ...[...compared].map((childId): AuditEntry => ({ ...base, action: 'child.register.compare', subjectType: 'child', subjectId: childId, outcome: 'success', details: { category: 'register', basis: 'legal_duty', reason: 'register_administrator', importId: created.id } })),
    ];
    await appendAudit(trx, entries, now);
    return created.id;
  });
  return { import: (await importSummary(db, importId))!, ignoredColumns: header.unknown, planned, rows };
}

const keeps = (actor: PolicyActor, stored: StoredChild) => decideRegisterAccess(actor, { homeOrganisationId: stored.homeOrganisationId, protectedIdentity: stored.protectedIdentity }).allow;

/**
 * Why a row of an extract is not this register's, or null when it is: its code names no
 * municipality Samsyn has, or another one. A child this register keeps whom the extract places
 * in another municipality has moved there: said so, and left as it is. Moving a record to another
 * municipality's register hands its keeping to other administrators, which no file may do by itself.
 */
function otherRegister(code: string, municipalities: ReadonlyMap<string, string>, organisationId: string, stored: StoredChild | null, actor: PolicyActor): RowError | null {
  const municipality = municipalities.get(code);
  if (!municipality) return { column: 'municipalityCode', code: 'municipality_unknown' };
  if (municipality === organisationId) return null;
  if (stored && stored.homeOrganisationId === organisationId && keeps(actor, stored)) return { column: 'municipalityCode', code: 'moved_to_other_municipality' };
  return { column: 'municipalityCode', code: 'other_municipality' };
}
