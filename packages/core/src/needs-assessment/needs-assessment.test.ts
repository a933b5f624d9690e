import { describe, expect, it } from 'vitest';
import { NeedsConfigContent, needsSideCodes, subAreaOf, subAreasOf } from './config.ts';
import { defaultNeedsConfig } from './default-config.ts';
import { needsContentProblems, readableRevisions, revisionRefusal } from './rules.ts';
import { emptyNeedsContent, NeedsAssessmentInput, NeedsRevisionInput } from './schema.ts';

const configId = '0b4c8e0e-3c59-4a57-9f55-2f7f3f0b6c11';

describe('the needs assessment’s configuration', () => {
  it('has the three sides in their stable order, each with sub-areas in both languages and codes unique across the triangle', () => {
    const parsed = NeedsConfigContent.parse(defaultNeedsConfig);
    expect(parsed.sides.map((s) => s.code)).toEqual([...needsSideCodes]);
    const all = subAreasOf(parsed);
    expect(all.length).toBeGreaterThanOrEqual(18);
    expect(new Set(all.map((s) => s.code)).size).toBe(all.length);
    for (const s of all) expect(s.label.sv).not.toBe('');
    expect(subAreaOf(parsed, 'housing')).toMatchObject({ side: 'wider_world', label: { sv: 'Boende', en: 'Housing' } });
  });

  it('refuses a configuration that drops or reorders a side, or names a sub-area twice', () => {
    const [a, b, c] = defaultNeedsConfig.sides;
    expect(NeedsConfigContent.safeParse({ ...defaultNeedsConfig, sides: [b, a, c] }).success).toBe(false);
    expect(NeedsConfigContent.safeParse({ ...defaultNeedsConfig, sides: [a, b] }).success).toBe(false);
    const twice = { ...defaultNeedsConfig, sides: [a, b, { ...c!, subAreas: [...c!.subAreas, a!.subAreas[0]!] }] };
    const result = NeedsConfigContent.safeParse(twice);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('sub_area_twice');
    expect(NeedsConfigContent.safeParse({ ...defaultNeedsConfig, sides: [{ ...a!, subAreas: [{ ...a!.subAreas[0]!, code: 'Hälsa' }] }, b, c] }).success).toBe(false);
  });
});

describe('an assessment’s content', () => {
  const empty = { ...emptyNeedsContent('2026-11-22'), configVersionId: configId };

  it('may be saved as a partial draft, but is final only with a summary and a proposal', () => {
    expect(NeedsAssessmentInput.safeParse({ ...empty, status: 'draft' }).success).toBe(true);
    const final = NeedsAssessmentInput.safeParse({ ...empty, status: 'final' });
    expect(final.success).toBe(false);
    expect(final.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['summary', 'required_when_final'], ['proposal', 'required_when_final']]);
    expect(NeedsAssessmentInput.safeParse({ ...empty, status: 'final', summary: 'Behöver ett möte.', proposal: 'call_meeting' }).success).toBe(true);
    expect(NeedsRevisionInput.safeParse({ ...empty, status: 'final', summary: '  ', proposal: 'call_meeting', basedOn: 1 }).success).toBe(false);
    expect(NeedsAssessmentInput.safeParse({ ...empty, status: 'draft', proposal: 'wait_and_see' }).success).toBe(false);
  });

  it('names only sub-areas its configuration version has, in the triangle and as the matrix’s factors', () => {
    const content = { ...empty, subAreas: [{ code: 'health', strengths: 'Sover bra', challenges: '' }, { code: 'pets', strengths: '', challenges: '' }], matrix: { ...empty.matrix, vulnerability_adverse: { text: 'Trångt boende', factors: ['housing', 'weather'] } } };
    expect(needsContentProblems(defaultNeedsConfig, content)).toEqual([
      { path: 'body.subAreas.1.code', message: 'unknown_sub_area' },
      { path: 'body.matrix.vulnerability_adverse.factors.1', message: 'unknown_sub_area' },
    ]);
    expect(needsContentProblems(defaultNeedsConfig, empty)).toEqual([]);
  });
});

describe('who sees which revision, and who may write the next', () => {
  const revisions = [{ revision: 3, status: 'draft' as const }, { revision: 2, status: 'final' as const }, { revision: 1, status: 'draft' as const }];

  it('shows drafts inside the writer’s domain only; a consent or an emergency access shares final revisions only', () => {
    expect(readableRevisions(revisions, () => ({ allow: true, basis: 'own_organisation' })).map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(readableRevisions(revisions, () => ({ allow: true, basis: 'consent' })).map((r) => r.revision)).toEqual([2]);
    expect(readableRevisions(revisions, () => ({ allow: true, basis: 'emergency' })).map((r) => r.revision)).toEqual([2]);
    expect(readableRevisions(revisions, () => ({ allow: false, basis: null }))).toEqual([]);
  });

  it('takes the next revision only from the assessment’s own domain, on its latest revision', () => {
    const assessment = { secrecyDomainId: 'school', latestRevision: 2 };
    expect(revisionRefusal(assessment, { secrecyDomainId: 'school' }, 2)).toBeNull();
    expect(revisionRefusal(assessment, { secrecyDomainId: 'school' }, 1)).toBe('stale_version');
    expect(revisionRefusal(assessment, { secrecyDomainId: 'health' }, 2)).toBe('other_secrecy_domain');
    expect(revisionRefusal(assessment, { secrecyDomainId: null }, 2)).toBe('other_secrecy_domain');
  });
});
