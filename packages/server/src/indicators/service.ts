import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { canManageIndicators, type IndicatorInput, type IndicatorUpdate, type IndicatorView, type KoladaFetchImport, type KoladaFileImport, type KoladaImportView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { organisationExists } from '../organisations/queries.ts';
import { fetchKoladaPages, importKoladaPages, KoladaFetchError, type KoladaSourcePage } from './kolada-import.ts';
import { confirmKpiTitle, findIndicator, indicatorWithSource, insertIndicator, updateIndicator } from './queries.ts';

/** The catalogue's rules: one indicator per source; only its owner's analysts (or a system administrator) change it. */

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });

function describe(i: Pick<IndicatorView, 'nameSv' | 'unit' | 'direction' | 'priorityArea' | 'source' | 'pupilBasis' | 'breakdowns'>) {
  return { name: i.nameSv, unit: i.unit, direction: i.direction, priorityArea: i.priorityArea, source: i.source, pupilBasis: i.pupilBasis, breakdowns: i.breakdowns };
}

export async function createIndicator(db: Kysely<DB>, request: FastifyRequest, actor: Actor, input: IndicatorInput & { ownerOrganisationId: string }): Promise<IndicatorView> {
  const at = request.server.services.clock.now();
  if (!(await organisationExists(db, input.ownerOrganisationId))) throw invalid('body.ownerOrganisationId', 'unknown_organisation');
  await db.transaction().execute(async (trx) => {
    if (await findIndicator(trx, input.id)) throw new AppError('conflict', { details: [{ path: 'body.id', message: 'indicator_id_taken' }] });
    const existing = await indicatorWithSource(trx, input.source.kind, input.source.ref);
    if (existing) throw new AppError('conflict', { details: [{ path: 'body.source.ref', message: 'source_in_catalogue', indicatorId: existing }] });
    await insertIndicator(trx, input, actor.userId, at);
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.create', subjectType: 'indicator', subjectId: input.id, organisationId: input.ownerOrganisationId, outcome: 'success', details: { after: describe(input) } }], at);
  });
  return (await findIndicator(db, input.id))!;
}

async function ownedIndicator(db: Kysely<DB>, actor: Actor, id: string): Promise<IndicatorView> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw new AppError('not_found');
  if (!canManageIndicators(actor, indicator.owner.id)) throw new AppError('forbidden');
  return indicator;
}

export async function changeIndicator(db: Kysely<DB>, request: FastifyRequest, actor: Actor, id: string, change: IndicatorUpdate): Promise<IndicatorView> {
  const before = await ownedIndicator(db, actor, id);
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    await updateIndicator(trx, id, change, at);
    const after = (await findIndicator(trx, id))!;
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.update', subjectType: 'indicator', subjectId: id, organisationId: before.owner.id, outcome: 'success', details: { before: describe(before), after: describe(after) } }], at);
  });
  return (await findIndicator(db, id))!;
}

export async function confirmIndicatorKpiTitle(db: Kysely<DB>, request: FastifyRequest, actor: Actor, id: string): Promise<IndicatorView> {
  const indicator = await ownedIndicator(db, actor, id);
  if (indicator.source.kind !== 'kolada') throw invalid('params.id', 'not_a_kolada_indicator');
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    await confirmKpiTitle(trx, indicator.source.ref);
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.update', subjectType: 'indicator', subjectId: id, organisationId: indicator.owner.id, outcome: 'success', details: { confirmedKpiTitle: indicator.koladaTitleChanged } }], at);
  });
  return (await findIndicator(db, id))!;
}

async function runImport(db: Kysely<DB>, request: FastifyRequest, actor: Actor, pages: readonly KoladaSourcePage[], source: string): Promise<KoladaImportView> {
  const at = request.server.services.clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const imported = await importKoladaPages(trx, pages, { by: actor.userId, at, source });
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.kolada.import', subjectType: 'kolada_import', subjectId: imported.id, outcome: 'success', details: { source, counts: imported.counts } }], at);
    return imported;
  });
  return { ...result, importedBy: { id: actor.userId, displayName: actor.displayName } };
}

export async function importFromFiles(db: Kysely<DB>, request: FastifyRequest, actor: Actor, body: KoladaFileImport): Promise<KoladaImportView> {
  const names = body.files.map((f) => f.name);
  const source = `files: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
  return runImport(db, request, actor, body.files, source);
}

export async function importFromKolada(db: Kysely<DB>, request: FastifyRequest, actor: Actor, body: KoladaFetchImport): Promise<KoladaImportView> {
  const { koladaBaseUrl } = request.server.services.config;
  let pages: KoladaSourcePage[];
  try {
    pages = await fetchKoladaPages(koladaBaseUrl, body.kpis, body.years);
  } catch (error) {
    // No answer, a bad status, a page that is not JSON or a link elsewhere: the import does not start.
    const reason = error instanceof KoladaFetchError ? error.message : (error as Error).name;
    throw new AppError('upstream_unavailable', { details: { reason } });
  }
  return runImport(db, request, actor, pages, `api: ${koladaBaseUrl}`);
}

export async function koladaImports(db: Kysely<DB>): Promise<KoladaImportView[]> {
  const rows = await db
    .selectFrom('kolada_import as k')
    .innerJoin('app_user as u', 'u.id', 'k.imported_by')
    .select(['k.id', 'k.imported_at', 'k.source', 'k.value_count', 'k.added', 'k.revised', 'k.unchanged', 'k.kpi_count', 'k.municipality_count', 'k.rejected', 'k.revisions', 'k.renamed_kpis', 'u.id as user_id', 'u.display_name'])
    .orderBy('k.imported_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    importedBy: { id: r.user_id, displayName: r.display_name },
    importedAt: new Date(r.imported_at).toISOString(),
    source: r.source,
    counts: { values: r.value_count, added: r.added, revised: r.revised, unchanged: r.unchanged, rejected: (r.rejected as unknown[]).length, kpis: r.kpi_count, municipalities: r.municipality_count },
    rejected: r.rejected as KoladaImportView['rejected'],
    revised: r.revisions as KoladaImportView['revised'],
    renamedKpis: r.renamed_kpis as KoladaImportView['renamedKpis'],
  }));
}
