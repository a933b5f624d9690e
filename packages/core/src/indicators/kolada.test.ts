import { describe, expect, it } from 'vitest';
import { koladaChanges, koladaRenamedKpis, koladaStatusOf, koladaValueKey, parseKoladaDataPage, parseKoladaKpiPage, parseKoladaMunicipalityPage, KoladaFormatError, type KoladaValue } from './kolada.ts';
import v2Page1 from './fixtures/v2-data-page1.json' with { type: 'json' };
import v2Page2 from './fixtures/v2-data-page2.json' with { type: 'json' };
import v3Page1 from './fixtures/v3-data-page1.json' with { type: 'json' };
import v3Page2 from './fixtures/v3-data-page2.json' with { type: 'json' };
import v2Kpi from './fixtures/v2-kpi.json' with { type: 'json' };
import v3Kpi from './fixtures/v3-kpi.json' with { type: 'json' };
import v2Municipalities from './fixtures/v2-municipality.json' with { type: 'json' };

describe('Kolada data pages, v2 and v3', () => {
  it('reads both versions to the same values and follows next_page / next_url', () => {
    const v2 = [parseKoladaDataPage(v2Page1), parseKoladaDataPage(v2Page2)];
    const v3 = [parseKoladaDataPage(v3Page1), parseKoladaDataPage(v3Page2)];
    expect(v2[0]!.next).toBe('http://api.kolada.se/v2/data/kpi/N15419/year/2023?page=2&per_page=2');
    expect(v3[0]!.next).toBe('https://api.kolada.se/v3/data/kpi/N15419/year/2023?page=2&per_page=2');
    expect([v2[1]!.next, v3[1]!.next]).toEqual([null, null]);
    expect(v2.flatMap((p) => p.values)).toEqual(v3.flatMap((p) => p.values));
    expect(v2.flatMap((p) => p.values)).toHaveLength(9);
  });

  it('keeps Kolada’s ids exactly, leading zeros included', () => {
    const [first] = parseKoladaDataPage(v2Page1).values;
    expect(first).toEqual({ kpi: 'N15419', municipality: '0780', ou: null, period: 2023, gender: 'K', value: 84.1, status: 'ok', count: 1 });
  });

  it('keeps a missing value’s reason: confidential, not applicable, missing — never a bare null', () => {
    const values = [...parseKoladaDataPage(v2Page1).values, ...parseKoladaDataPage(v2Page2).values];
    const reasons = values.filter((v) => v.value === null).map((v) => [v.municipality, v.gender, v.status]);
    expect(reasons).toEqual([['0760', 'K', 'confidential'], ['0764', 'K', 'not_applicable'], ['0764', 'M', 'missing']]);
    expect(koladaStatusOf('', null)).toBe('missing');
    expect(koladaStatusOf(null, 3)).toBe('ok');
  });

  it('rejects a bad row with its reason and keeps the rest', () => {
    const page = parseKoladaDataPage(v3Page2);
    expect(page.values).toHaveLength(3);
    expect(page.rejected).toEqual([{ path: 'values[1]', reason: expect.stringContaining('municipality_or_ou') }]);
    const badCell = parseKoladaDataPage({ values: [{ kpi: 'N1', municipality: '0780', period: 2023, values: [{ gender: 'X', value: 1 }] }] });
    expect(badCell.rejected[0]!.reason).toMatch(/gender/);
  });

  it('reads unit (ou) data with the unit’s id', () => {
    const page = parseKoladaDataPage({ count: 1, values: [{ kpi: 'N15419', ou: 'V15E076400101', period: '2023', values: [{ gender: 'T', status: '', value: '81,5', count: 1 }] }] });
    expect(page.values).toEqual([{ kpi: 'N15419', municipality: null, ou: 'V15E076400101', period: 2023, gender: 'T', value: 81.5, status: 'ok', count: 1 }]);
  });

  it('refuses what is not a Kolada page at all', () => {
    expect(() => parseKoladaDataPage({ rows: [] })).toThrow(KoladaFormatError);
    expect(() => parseKoladaDataPage('x')).toThrow(KoladaFormatError);
  });
});

describe('Kolada metadata', () => {
  it('reads the KPI metadata of both versions, 0/1 flags and booleans alike', () => {
    const [v2] = parseKoladaKpiPage(v2Kpi).values;
    const [v3] = parseKoladaKpiPage(v3Kpi).values;
    expect(v2).toMatchObject({ id: 'N15419', is_divided_by_gender: true, has_ou_data: true, municipality_type: 'K', operating_area: 'Grundskola', publication_date: '2024-09-26' });
    expect(v3).toMatchObject({ id: 'N15419', is_divided_by_gender: true, has_ou_data: true, publication_date: '2025-09-25' });
  });

  it('reads the municipality metadata', () => {
    expect(parseKoladaMunicipalityPage(v2Municipalities).values.map((m) => [m.id, m.title])).toEqual([['0760', 'Uppvidinge'], ['0764', 'Alvesta'], ['0780', 'Växjö']]);
  });

  it('flags a KPI whose title changed since the last import', () => {
    const [v3] = parseKoladaKpiPage(v3Kpi).values;
    const [v2] = parseKoladaKpiPage(v2Kpi).values;
    expect(koladaRenamedKpis(new Map([[v2!.id, v2!.title]]), [v3!])).toEqual([{ id: 'N15419', before: v2!.title, after: v3!.title }]);
    expect(koladaRenamedKpis(new Map([[v3!.id, v3!.title]]), [v3!])).toEqual([]);
  });
});

describe('what an import changes', () => {
  const values = [...parseKoladaDataPage(v2Page1).values, ...parseKoladaDataPage(v2Page2).values];
  const stored = (vs: readonly KoladaValue[]) => new Map(vs.map((v) => [koladaValueKey(v), { value: v.value, status: v.status, count: v.count }]));

  it('adds everything the first time and nothing the second (idempotent)', () => {
    expect(koladaChanges(new Map(), values)).toMatchObject({ added: values, revised: [], unchanged: 0 });
    expect(koladaChanges(stored(values), values)).toMatchObject({ added: [], revised: [], unchanged: 9 });
  });

  it('shows a revised value and a confidential value that became public', () => {
    const revisedOnce = values.map((v) => (v.municipality === '0780' && v.gender === 'T' ? { ...v, value: 81.4 } : v.status === 'confidential' ? { ...v, value: 76.0, status: 'ok' as const } : v));
    const changes = koladaChanges(stored(values), revisedOnce);
    expect(changes.revised.map((r) => [r.key, r.before.value, r.after.value, r.after.status])).toEqual([
      ['N15419|0780||2023|T', 81.2, 81.4, 'ok'],
      ['N15419|0760||2023|K', null, 76, 'ok'],
    ]);
    expect(changes.unchanged).toBe(7);
  });
});
