import { z } from 'zod';

/**
 * Kolada's open API (api.kolada.se), v2 and v3, as files or as fetched pages. A data page is
 * `{ count, values: [{ kpi, municipality | ou, period, values: [{ gender, status, value, count }] }] }`
 * with `next_page` (v2) or `next_url` (v3). Kolada's ids (KPI N15033, municipality 0780, unit
 * V15E…) are kept exactly as they are. A value that is missing keeps its reason; it is never a bare null.
 */

/** Why Kolada gives no value: ".." confidential (too few), "." not applicable, "-" missing. */
export const koladaValueStatuses = ['ok', 'confidential', 'not_applicable', 'missing'] as const;
export type KoladaValueStatus = (typeof koladaValueStatuses)[number];

export const koladaGenders = ['T', 'K', 'M'] as const;
export type KoladaGender = (typeof koladaGenders)[number];

/** Kolada writes a status string next to each value; an empty one with a value is fine. */
export function koladaStatusOf(status: string | null | undefined, value: number | null): KoladaValueStatus {
  switch ((status ?? '').trim()) {
    case '..':
      return 'confidential';
    case '.':
      return 'not_applicable';
    case '-':
      return 'missing';
    default:
      return value === null ? 'missing' : 'ok';
  }
}

const numberOrNull = z.union([z.number(), z.null(), z.string()]).transform((v, ctx) => {
  if (v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v.replace(',', '.'));
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: 'custom', message: 'not_a_number' });
    return z.NEVER;
  }
  return n;
});

const koladaCell = z.object({
  gender: z.enum(koladaGenders),
  status: z.string().nullable().optional(),
  value: numberOrNull.optional().default(null),
  count: z.number().int().nonnegative().nullable().optional(),
});

const koladaDatum = z
  .object({
    kpi: z.string().min(1).max(40),
    municipality: z.string().min(1).max(40).optional(),
    ou: z.string().min(1).max(60).optional(),
    period: z.union([z.number().int(), z.string().regex(/^\d{4}$/)]).transform((p) => Number(p)),
    values: z.array(koladaCell),
  })
  .refine((d) => (d.municipality === undefined) !== (d.ou === undefined), { message: 'municipality_or_ou' });

/** A page of either version: v2 links on with `next_page`, v3 with `next_url`. */
const koladaPage = z.object({
  count: z.number().int().nonnegative().optional(),
  values: z.array(z.unknown()),
  next_page: z.string().nullable().optional(),
  next_url: z.string().nullable().optional(),
});

/** One value as Samsyn keeps it: by KPI, place (a municipality or a unit), year and gender. */
export interface KoladaValue {
  kpi: string;
  /** The municipality's (or region's) Kolada id, when the data is by municipality. */
  municipality: string | null;
  /** The organisational unit's (e.g. a school unit's) Kolada id, when the data is by unit. */
  ou: string | null;
  period: number;
  gender: KoladaGender;
  value: number | null;
  status: KoladaValueStatus;
  count: number | null;
}

export interface KoladaRejection {
  /** Where in the page: `values[3]` or `values[3].values[1]`. */
  path: string;
  reason: string;
}

export interface KoladaDataPage {
  values: KoladaValue[];
  rejected: KoladaRejection[];
  /** The next page's address (v2 `next_page`, v3 `next_url`), or null on the last page. */
  next: string | null;
  count: number | null;
}

function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
}

/** Reads one data page of either version. A bad row is rejected with its reason; the rest is kept. */
export function parseKoladaDataPage(json: unknown): KoladaDataPage {
  const outer = koladaPage.safeParse(json);
  if (!outer.success) throw new KoladaFormatError(`not a Kolada data page: ${issueText(outer.error)}`);
  const values: KoladaValue[] = [];
  const rejected: KoladaRejection[] = [];
  outer.data.values.forEach((raw, i) => {
    const datum = koladaDatum.safeParse(raw);
    if (!datum.success) return void rejected.push({ path: `values[${i}]`, reason: issueText(datum.error) });
    const d = datum.data;
    for (const cell of d.values) {
      const value = cell.value ?? null;
      values.push({ kpi: d.kpi, municipality: d.municipality ?? null, ou: d.ou ?? null, period: d.period, gender: cell.gender, value, status: koladaStatusOf(cell.status, value), count: cell.count ?? null });
    }
  });
  return { values, rejected, next: outer.data.next_page ?? outer.data.next_url ?? null, count: outer.data.count ?? null };
}

export class KoladaFormatError extends Error {
  override readonly name = 'KoladaFormatError';
}

/** KPI metadata (`/kpi`), as Kolada gives it; v2 writes flags as 0/1, v3 as booleans. */
const flag = z.union([z.boolean(), z.number(), z.null()]).optional().transform((v) => v === true || v === 1);
const koladaKpi = z.object({
  id: z.string().min(1).max(40),
  title: z.string().min(1),
  description: z.string().nullable().optional().transform((d) => d ?? ''),
  is_divided_by_gender: flag,
  municipality_type: z.string().nullable().optional().transform((t) => t ?? null),
  operating_area: z.string().nullable().optional().transform((a) => a ?? null),
  publication_date: z.string().nullable().optional().transform((d) => d ?? null),
  has_ou_data: flag,
});
export type KoladaKpi = z.output<typeof koladaKpi>;

/** Municipality metadata (`/municipality`): id, title and type (K municipality, L region). */
const koladaMunicipality = z.object({ id: z.string().min(1).max(40), title: z.string().min(1), type: z.string().nullable().optional().transform((t) => t ?? null) });
export type KoladaMunicipality = z.output<typeof koladaMunicipality>;

function parseMetadata<T extends z.ZodType>(json: unknown, item: T): { values: z.output<T>[]; rejected: KoladaRejection[]; next: string | null } {
  const outer = koladaPage.safeParse(json);
  if (!outer.success) throw new KoladaFormatError(`not a Kolada metadata page: ${issueText(outer.error)}`);
  const values: z.output<T>[] = [];
  const rejected: KoladaRejection[] = [];
  outer.data.values.forEach((raw, i) => {
    const parsed = item.safeParse(raw);
    if (parsed.success) values.push(parsed.data);
    else rejected.push({ path: `values[${i}]`, reason: issueText(parsed.error) });
  });
  return { values, rejected, next: outer.data.next_page ?? outer.data.next_url ?? null };
}

export const parseKoladaKpiPage = (json: unknown) => parseMetadata(json, koladaKpi);
export const parseKoladaMunicipalityPage = (json: unknown) => parseMetadata(json, koladaMunicipality);

/** The identity of a value across imports. */
export function koladaValueKey(v: Pick<KoladaValue, 'kpi' | 'municipality' | 'ou' | 'period' | 'gender'>): string {
  return [v.kpi, v.municipality ?? '', v.ou ?? '', v.period, v.gender].join('|');
}

export interface KoladaRevision {
  key: string;
  before: Pick<KoladaValue, 'value' | 'status' | 'count'>;
  after: KoladaValue;
}

export interface KoladaChanges {
  added: KoladaValue[];
  /** Kolada revises published values: what changed since the last import. */
  revised: KoladaRevision[];
  unchanged: number;
}

/** What an import would change: new values, revised ones (value, status or count), and the rest. */
export function koladaChanges(current: ReadonlyMap<string, Pick<KoladaValue, 'value' | 'status' | 'count'>>, incoming: readonly KoladaValue[]): KoladaChanges {
  const changes: KoladaChanges = { added: [], revised: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const v of incoming) {
    const key = koladaValueKey(v);
    if (seen.has(key)) continue; // the same value twice in one import counts once (the first)
    seen.add(key);
    const before = current.get(key);
    if (!before) changes.added.push(v);
    else if (before.value !== v.value || before.status !== v.status || (before.count ?? null) !== v.count) changes.revised.push({ key, before, after: v });
    else changes.unchanged++;
  }
  return changes;
}

/** KPIs whose title differs from the one stored at the last import: the indicator may mean something else now. */
export function koladaRenamedKpis(stored: ReadonlyMap<string, string>, incoming: readonly Pick<KoladaKpi, 'id' | 'title'>[]): { id: string; before: string; after: string }[] {
  return incoming.flatMap((k) => {
    const before = stored.get(k.id);
    return before !== undefined && before !== k.title ? [{ id: k.id, before, after: k.title }] : [];
  });
}
