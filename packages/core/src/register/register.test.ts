import { describe, expect, it } from 'vitest';
import { createReserveNumber } from '../identity/reserve-number.ts';
import { REFERENCE_DATE, withCheckDigit } from '../identity/test-helpers.ts';
import { matchHeader, parseRegisterRow, populationRegisterHeaders, registerHeaders } from './columns.ts';
import { planRow, type RegisteredChild } from './plan.ts';
import { decideChildCreation, decideRegisterAccess, homeMunicipalityChoice } from './policy.ts';

const child = withCheckDigit('20150304', '982');
const mother = withCheckDigit('19850709', '980');
const father = withCheckDigit('19830211', '991');
const header = matchHeader(registerHeaders);
const row = (values: Partial<Record<string, string>>) =>
  registerHeaders.map((h) => values[h] ?? '');
const base = { personnummer: child, 'förnamn': 'Alva', efternamn: 'Exempel', adress: 'Storgatan 1', postnummer: '99123', ort: 'Exempelstad', skolenhet: '99010001', 'vårdnadshavare 1 personnummer': mother, 'vårdnadshavare 1 förnamn': 'Anna', 'vårdnadshavare 1 efternamn': 'Exempel' };
const parse = (values: Partial<Record<string, string>>) => parseRegisterRow(row(values), header, REFERENCE_DATE);

describe('the register file header', () => {
  it('finds the columns whatever the case, å/ä/ö or separators, and reports missing, unknown and repeated ones', () => {
    const found = matchHeader(['PERSONNUMMER', 'fornamn', 'Efter_namn', 'vardnadshavare-1-personnummer', 'klass', 'ort', 'Ort']);
    expect(found.indexOf).toMatchObject({ identityNumber: 0, givenName: 1, guardian1IdentityNumber: 3, city: 5 });
    expect(found.missing).toEqual(['familyName']);
    expect(found.unknown).toEqual(['Efter_namn', 'klass']);
    expect(found.duplicated).toEqual(['Ort']);
    expect(header.missing).toEqual([]);
  });
});

describe('an extract of several municipalities', () => {
  const extract = matchHeader(populationRegisterHeaders);
  const parseExtract = (values: Partial<Record<string, string>>) => parseRegisterRow(populationRegisterHeaders.map((h) => values[h] ?? ''), extract, REFERENCE_DATE);

  it('reads each row’s municipality code; a pupil register without the column states none', () => {
    expect(extract.indexOf.municipalityCode).toBe(0);
    expect(matchHeader(['personnummer', 'förnamn', 'efternamn', 'Folkbokföringskommun']).indexOf.municipalityCode).toBe(3);
    const result = parseExtract({ ...base, kommunkod: ' 99 01 ' });
    expect(result.ok && result.row.municipalityCode).toBe('9901');
    const plain = parse(base);
    expect(plain.ok && plain.row.municipalityCode).toBeNull();
  });

  it('refuses a row of an extract without its municipality, or with a code that is not four digits', () => {
    expect(parseExtract({ ...base, kommunkod: '' })).toEqual({ ok: false, errors: [{ column: 'municipalityCode', code: 'required' }] });
    expect(parseExtract({ ...base, kommunkod: '990' })).toEqual({ ok: false, errors: [{ column: 'municipalityCode', code: 'municipality_code_format' }] });
    expect(parseExtract({ ...base, kommunkod: 'Norrvik' })).toEqual({ ok: false, errors: [{ column: 'municipalityCode', code: 'municipality_code_format' }] });
  });
});

describe('a register row', () => {
  it('normalizes a valid row: the number, the postal code, the guardians', () => {
    const result = parse(base);
    expect(result).toEqual({
      ok: true,
      row: expect.objectContaining({ identityNumber: child, birthDate: '2015-03-04', givenName: 'Alva', postalCode: '991 23', protectedIdentity: null, guardians: [{ identityNumber: mother, givenName: 'Anna', familyName: 'Exempel' }] }),
    });
  });

  it('reports every problem of a row with its column and a stable code', () => {
    const result = parse({ ...base, personnummer: `${child.slice(0, 11)}${(Number(child.charAt(11)) + 1) % 10}`, 'förnamn': '', postnummer: '9912', 'skyddad identitet': 'kanske', 'vårdnadshavare 1 förnamn': '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { column: 'identityNumber', code: 'identity_number_checksum' },
      { column: 'givenName', code: 'required' },
      { column: 'postalCode', code: 'postal_code_format' },
      { column: 'protectedIdentity', code: 'protected_identity_unknown' },
      { column: 'guardian1GivenName', code: 'required' },
    ]);
  });

  it('refuses a never-issued birth number, a reserve number and a guardian who is the child', () => {
    const never = parse({ ...base, personnummer: withCheckDigit('20150304', '000') });
    expect(!never.ok && never.errors).toEqual([{ column: 'identityNumber', code: 'identity_number_serial' }]);
    const reserve = parse({ ...base, personnummer: createReserveNumber({ birthDate: '2015-03-04', sequence: 7 }) });
    expect(!reserve.ok && reserve.errors).toEqual([{ column: 'identityNumber', code: 'reserve_number_not_in_register' }]);
    const self = parse({ ...base, 'vårdnadshavare 1 personnummer': child });
    expect(!self.ok && self.errors).toEqual([{ column: 'guardian1IdentityNumber', code: 'guardian_is_child' }]);
  });

  it('reads protected identity levels in words', () => {
    const result = parse({ ...base, 'skyddad identitet': 'Skyddad folkbokföring' });
    expect(result.ok && result.row.protectedIdentity).toBe('skyddad_folkbokforing');
  });
});

describe('planning a row', () => {
  const parsed = parse(base);
  if (!parsed.ok) throw new Error('fixture');
  const stored: RegisteredChild = { givenName: 'Alva', familyName: 'Exempel', streetAddress: 'Storgatan 1', postalCode: '991 23', city: 'Exempelstad', schoolUnitId: 'u1', protectedIdentity: null, guardianIdentityNumbers: [mother] };

  it('creates a new child, and leaves a child as the file states them unchanged', () => {
    expect(planRow(parsed.row, 'u1', null)).toMatchObject({ outcome: 'create', guardiansToAdd: [{ identityNumber: mother }] });
    expect(planRow(parsed.row, 'u1', stored)).toEqual({ outcome: 'unchanged', changes: [], guardiansToAdd: [] });
  });

  it('records a move, a new school and a new guardian', () => {
    const moved = parse({ ...base, adress: 'Nygatan 2', 'vårdnadshavare 2 personnummer': father, 'vårdnadshavare 2 förnamn': 'Bo', 'vårdnadshavare 2 efternamn': 'Exempel' });
    if (!moved.ok) throw new Error('fixture');
    const plan = planRow(moved.row, 'u2', stored);
    expect(plan.outcome).toBe('change');
    expect(plan.outcome !== 'create' && plan.changes).toEqual([
      { field: 'street_address', from: 'Storgatan 1', to: 'Nygatan 2' },
      { field: 'school_unit', from: 'u1', to: 'u2' },
    ]);
    expect(plan.guardiansToAdd.map((g) => g.identityNumber)).toEqual([father]);
  });

  it('never clears a stored value, never lowers a protection, and keeps guardians the file does not name', () => {
    const sparse = parse({ personnummer: child, 'förnamn': 'Alva', efternamn: 'Exempel' });
    if (!sparse.ok) throw new Error('fixture');
    expect(planRow(sparse.row, null, { ...stored, protectedIdentity: 'sekretessmarkering' }).outcome).toBe('unchanged');
    const raised = parse({ ...base, 'skyddad identitet': 'skyddad folkbokföring' });
    if (!raised.ok) throw new Error('fixture');
    expect(planRow(raised.row, 'u1', { ...stored, protectedIdentity: 'sekretessmarkering' })).toMatchObject({ outcome: 'change', changes: [{ field: 'protected_identity', to: 'skyddad_folkbokforing' }] });
  });
});

describe('who keeps the register and who adds a child', () => {
  const org = 'org-1';
  const admin = { userId: 'a', roles: [{ organisationId: org, role: 'org_admin' as const, grantedBy: 'someone' }] };
  it('lets an organisation administrator keep the register of their own organisation only, and never on a role they granted themselves', () => {
    expect(decideRegisterAccess(admin, { homeOrganisationId: org, protectedIdentity: null })).toMatchObject({ allow: true, flagged: false });
    expect(decideRegisterAccess(admin, { homeOrganisationId: 'org-2', protectedIdentity: null }).allow).toBe(false);
    expect(decideRegisterAccess({ userId: 'a', roles: [{ organisationId: org, role: 'org_admin', grantedBy: 'a' }] }, { homeOrganisationId: org, protectedIdentity: null }).allow).toBe(false);
    expect(decideRegisterAccess({ userId: 'p', roles: [{ organisationId: org, role: 'professional', grantedBy: 'x' }] }, { homeOrganisationId: org, protectedIdentity: 'sekretessmarkering' })).toMatchObject({ allow: false, flagged: true });
  });

  it('lets a professional of a municipality or region create a record there, not a partner or an administrator', () => {
    const professional = { userId: 'p', roles: [{ organisationId: org, role: 'professional' as const, grantedBy: 'x' }] };
    expect(decideChildCreation(professional, { id: org, kind: 'municipality' })).toEqual({ allow: true });
    expect(decideChildCreation(professional, { id: org, kind: 'region' })).toEqual({ allow: true });
    expect(decideChildCreation(professional, { id: org, kind: 'partner' })).toMatchObject({ allow: false, reason: 'organisation_cannot_register' });
    expect(decideChildCreation(admin, { id: org, kind: 'municipality' })).toMatchObject({ allow: false, reason: 'not_a_professional_there' });
  });

  it('fixes the home municipality for a municipality and offers the county’s for a region', () => {
    const municipalities = [{ id: 'm1', countyCode: '99' }, { id: 'm2', countyCode: '99' }, { id: 'm3', countyCode: '01' }];
    expect(homeMunicipalityChoice({ id: 'm1', kind: 'municipality', countyCode: '99' }, municipalities)).toEqual({ fixed: 'm1' });
    expect(homeMunicipalityChoice({ id: 'r', kind: 'region', countyCode: '99' }, municipalities)).toEqual({ choose: ['m1', 'm2'] });
  });
});
