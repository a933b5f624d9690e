import { describe, expect, it } from 'vitest';
import { decisionMayBeTaken, missingAnswers } from './rules.ts';
import { ImpactAssessmentAnswers, ImpactAssessmentInput } from './schema.ts';

const complete = ImpactAssessmentAnswers.parse({
  affectedChildren: 'Elever i årskurs 7–9 i Exempelstad, cirka 1 200.',
  viewsGathered: 'Fokusgrupper med elevråden och en enkät.',
  principles: { best_interests: 'Tryggare skolväg.', non_discrimination: 'Gäller alla skolor.', life_and_development: 'Mer rörelse.', right_to_be_heard: 'Elevrådens synpunkter har tagits in.' },
  consequences: 'Färre barn går ensamma.',
  alternatives: 'Skolskjuts, som ger mindre rörelse.',
  conclusion: 'Beslutet är förenligt med barnets bästa.',
});

describe('a child-rights impact assessment', () => {
  it('names every answer a done assessment lacks, the four principles (art. 2, 3, 6, 12) included', () => {
    expect(missingAnswers(complete)).toEqual([]);
    expect(missingAnswers(ImpactAssessmentAnswers.parse({}))).toEqual(['affectedChildren', 'viewsGathered', 'consequences', 'alternatives', 'conclusion', 'principles.best_interests', 'principles.non_discrimination', 'principles.life_and_development', 'principles.right_to_be_heard']);
    expect(missingAnswers({ ...complete, principles: { ...complete.principles, right_to_be_heard: '  ' } })).toEqual(['principles.right_to_be_heard']);
  });

  it('lets a decision be marked as taken only once its assessment is done, or not needed with a reason', () => {
    expect(decisionMayBeTaken(null)).toEqual({ ok: false, reason: 'assessment_missing' });
    expect(decisionMayBeTaken({ state: 'draft', notNeededReason: null })).toEqual({ ok: false, reason: 'assessment_not_done' });
    expect(decisionMayBeTaken({ state: 'not_needed', notNeededReason: '' })).toEqual({ ok: false, reason: 'assessment_not_done' });
    expect(decisionMayBeTaken({ state: 'not_needed', notNeededReason: 'Ett rent formellt beslut om mötestider.' })).toEqual({ ok: true });
    expect(decisionMayBeTaken({ state: 'done', notNeededReason: null })).toEqual({ ok: true });
  });

  it('asks a reason of "not needed"', () => {
    expect(ImpactAssessmentInput.safeParse({ state: 'not_needed', reason: '' }).success).toBe(false);
    expect(ImpactAssessmentInput.safeParse({ state: 'not_needed', reason: 'Rör inte barn: gäller lokalhyran.' }).success).toBe(true);
  });
});
