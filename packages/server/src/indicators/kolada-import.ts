import type { Transaction } from 'kysely';
import {
  koladaChanges,
  koladaRenamedKpis,
  koladaValueKey,
  parseKoladaDataPage,
  parseKoladaKpiPage,
  parseKoladaMunicipalityPage,
  KoladaFormatError,
  type KoladaImportView,
  type KoladaKpi,
  type KoladaMunicipality,
  type KoladaValue,
  type KoladaValueStatus,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';

/** One file or fetched page, as Kolada's API answered it. */
export interface KoladaSourcePage {
  name: string;
  content: unknown;
}

interface Parsed {
  values: KoladaValue[];
  kpis: KoladaKpi[];
  municipalities: KoladaMunicipality[];
  rejected: { file: string; path: string; reason: string }[];
}

type PageKind = 'data' | 'kpi' | 'municipality';

/** Which endpoint a page comes from, by the fields of its first value (an empty page is data). */
function kindOf(content: unknown): PageKind {
  const first = (content as { values?: unknown[] } | null)?.values?.[0];
  if (!first || typeof first !== 'object') return 'data';
  if ('period' in first || 'kpi' in first) return 'data';
  if ('operating_area' in first || 'is_divided_by_gender' in first || 'municipality_type' in first) return 'kpi';
  return 'municipality';
}

/** Reads every page; a page that is not Kolada's at all is one rejection, a bad row another. */
export function parseKoladaPages(pages: readonly KoladaSourcePage[]): Parsed {
  const parsed: Parsed = { values: [], kpis: [], municipalities: [], rejected: [] };
  for (const page of pages) {
    try {
      const kind = kindOf(page.content);
      const result = kind === 'data' ? parseKoladaDataPage(page.content) : kind === 'kpi' ? parseKoladaKpiPage(page.content) : parseKoladaMunicipalityPage(page.content);
      if (kind === 'data') parsed.values.push(...(result.values as KoladaValue[]));
      else if (kind === 'kpi') parsed.kpis.push(...(result.values as KoladaKpi[]));
      else parsed.municipalities.push(...(result.values as KoladaMunicipality[]));
      parsed.rejected.push(...result.rejected.map((r) => ({ file: page.name, ...r })));
    } catch (error) {
      if (!(error instanceof KoladaFormatError)) throw error;
      parsed.rejected.push({ file: page.name, path: '', reason: error.message });
    }
  }
  return parsed;
}

const chunk = <T>(rows: readonly T[], size = 2000): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

type StoredValue = { value: number | null; status: KoladaValueStatus; count: number | null; import_id: string; municipality: string; ou: string; period: number; gender: 'T' | 'K' | 'M'; kpi: string };

async function storedValues(trx: Transaction<DB>, kpis: readonly string[]): Promise<Map<string, StoredValue>> {
  if (kpis.length === 0) return new Map();
  const rows = await trx.selectFrom('kolada_value').select(['kpi', 'municipality', 'ou', 'period', 'gender', 'value', 'status', 'count', 'import_id']).where('kpi', 'in', kpis).execute();
  return new Map(rows.map((r) => [koladaValueKey({ kpi: r.kpi, municipality: r.municipality || null, ou: r.ou || null, period: r.period, gender: r.gender }), r]));
}

/**
 * Imports Kolada pages in the caller's transaction: new values are added, revised ones replace the
 * current value and keep the earlier version in kolada_value_revision, KPI and municipality
 * metadata are upserted, and a KPI whose title changed is flagged until an analyst confirms it.
 * Importing the same pages again changes no value, revision or KPI; only the history gains a row.
 */
export async function importKoladaPages(trx: Transaction<DB>, pages: readonly KoladaSourcePage[], meta: { by: string; at: Date; source: string }): Promise<Omit<KoladaImportView, 'importedBy'>> {
  const parsed = parseKoladaPages(pages);
  const current = await storedValues(trx, [...new Set(parsed.values.map((v) => v.kpi))]);
  const changes = koladaChanges(current, parsed.values);
  const storedKpis = parsed.kpis.length === 0 ? [] : await trx.selectFrom('kolada_kpi').selectAll().where('id', 'in', parsed.kpis.map((k) => k.id)).execute();
  const renamed = koladaRenamedKpis(new Map(storedKpis.map((k) => [k.id, k.title])), parsed.kpis);
  const revisions = changes.revised.map((r) => ({ key: r.key, before: r.before.value, beforeStatus: r.before.status, after: r.after.value, afterStatus: r.after.status }));
  const counts = {
    values: parsed.values.length,
    added: changes.added.length,
    revised: changes.revised.length,
    unchanged: changes.unchanged,
    rejected: parsed.rejected.length,
    kpis: parsed.kpis.length,
    municipalities: parsed.municipalities.length,
  };
  const { id } = await trx
    .insertInto('kolada_import')
    .values({
      imported_by: meta.by,
      imported_at: meta.at,
      source: meta.source,
      value_count: counts.values,
      added: counts.added,
      revised: counts.revised,
      unchanged: counts.unchanged,
      kpi_count: counts.kpis,
      municipality_count: counts.municipalities,
      rejected: JSON.stringify(parsed.rejected),
      revisions: JSON.stringify(revisions),
      renamed_kpis: JSON.stringify(renamed),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (const part of chunk(changes.revised)) {
    await trx
      .insertInto('kolada_value_revision')
      .values(part.map((r) => {
        const old = current.get(r.key)!;
        return { kpi: old.kpi, municipality: old.municipality, ou: old.ou, period: old.period, gender: old.gender, value: old.value, status: old.status, count: old.count, import_id: old.import_id, replaced_by_import_id: id, replaced_at: meta.at };
      }))
      .execute();
  }
  const writes = [...changes.added, ...changes.revised.map((r) => r.after)];
  for (const part of chunk(writes)) {
    await trx
      .insertInto('kolada_value')
      .values(part.map((v) => ({ kpi: v.kpi, municipality: v.municipality ?? '', ou: v.ou ?? '', period: v.period, gender: v.gender, value: v.value, status: v.status, count: v.count, import_id: id })))
      .onConflict((oc) => oc.columns(['kpi', 'municipality', 'ou', 'period', 'gender']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), status: eb.ref('excluded.status'), count: eb.ref('excluded.count'), import_id: eb.ref('excluded.import_id') })))
      .execute();
  }
  await upsertKpis(trx, parsed.kpis, storedKpis, id);
  await upsertMunicipalities(trx, parsed.municipalities);
  return { id, importedAt: meta.at.toISOString(), source: meta.source, counts, rejected: parsed.rejected, revised: revisions, renamedKpis: renamed };
}

async function upsertKpis(trx: Transaction<DB>, kpis: readonly KoladaKpi[], stored: readonly DB['kolada_kpi'][], importId: string): Promise<void> {
  const before = new Map(stored.map((k) => [k.id, k]));
  for (const k of new Map(kpis.map((x) => [x.id, x])).values()) {
    const old = before.get(k.id);
    const row = {
      title: k.title,
      description: k.description,
      is_divided_by_gender: k.is_divided_by_gender,
      has_ou_data: k.has_ou_data,
      municipality_type: k.municipality_type,
      operating_area: k.operating_area,
      publication_date: k.publication_date,
    };
    if (!old) {
      await trx.insertInto('kolada_kpi').values({ id: k.id, ...row, title_changed_from: null, last_import_id: importId }).execute();
      continue;
    }
    const same = (Object.keys(row) as (keyof typeof row)[]).every((f) => old[f] === row[f]);
    if (same) continue;
    // The first unconfirmed title is kept: an analyst compares it with the newest.
    const titleChangedFrom = old.title !== k.title ? (old.title_changed_from ?? old.title) : old.title_changed_from;
    await trx.updateTable('kolada_kpi').set({ ...row, title_changed_from: titleChangedFrom, last_import_id: importId }).where('id', '=', k.id).execute();
  }
}

async function upsertMunicipalities(trx: Transaction<DB>, municipalities: readonly KoladaMunicipality[]): Promise<void> {
  const unique = [...new Map(municipalities.map((m) => [m.id, m])).values()];
  for (const part of chunk(unique)) {
    await trx
      .insertInto('kolada_municipality')
      .values(part.map((m) => ({ id: m.id, title: m.title, type: m.type })))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), type: eb.ref('excluded.type') })))
      .execute();
  }
}

/**
 * Fetches pages from Kolada's API: the KPIs' metadata, the municipalities, and the data, following
 * `next_page` / `next_url`. Only addresses under the configured base are followed.
 */
export async function fetchKoladaPages(baseUrl: string, kpis: readonly string[], years: readonly number[], maxPages = 2000): Promise<KoladaSourcePage[]> {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const starts = [
    new URL(`kpi/${kpis.join(',')}`, base),
    new URL('municipality', base),
    new URL(`data/kpi/${kpis.join(',')}${years.length > 0 ? `/year/${years.join(',')}` : ''}`, base),
  ];
  const pages: KoladaSourcePage[] = [];
  for (const start of starts) {
    let next: string | null = start.href;
    while (next !== null) {
      if (pages.length >= maxPages) throw new KoladaFetchError(`more than ${maxPages} pages`);
      const url = new URL(next);
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) throw new KoladaFetchError(`a next page outside ${base.href}: ${url.href}`);
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new KoladaFetchError(`${url.href} answered ${response.status}`);
      const content: unknown = await response.json();
      pages.push({ name: url.href, content });
      const links = content as { next_page?: string | null; next_url?: string | null };
      next = links.next_page ?? links.next_url ?? null;
    }
  }
  return pages;
}

export class KoladaFetchError extends Error {
  override readonly name = 'KoladaFetchError';
}
