import { describe, expect, it } from 'vitest';
import { wellbeingAreaCodes } from './areas.ts';
import { answerProblems, latestByRespondent, ratingsOverTime } from './assessment.ts';
import { codeState, formState, formatCode, isWellFormedCode, normalizeCode } from './codes.ts';
import { defaultWheelModel } from './default-model.ts';
import { WheelModelContent } from './model.ts';

describe('the wheel model', () => {
  it('has the eight areas in their stable order, each with both languages, questions, easy-read wording and an icon', () => {
    const parsed = WheelModelContent.parse(defaultWheelModel);
    expect(parsed.areas.map((a) => a.code)).toEqual([...wellbeingAreaCodes]);
    for (const area of parsed.areas) {
      expect(area.questions.length).toBeGreaterThan(0);
      expect(area.child.question.sv).not.toBe(area.definition.sv);
    }
    expect(new Set(parsed.areas.map((a) => a.icon)).size).toBe(8);
  });

  it('refuses a model that drops or reorders an area, or a scale that does not increase', () => {
    const swapped = { ...defaultWheelModel, areas: [defaultWheelModel.areas[1]!, defaultWheelModel.areas[0]!, ...defaultWheelModel.areas.slice(2)] };
    expect(WheelModelContent.safeParse(swapped).success).toBe(false);
    expect(WheelModelContent.safeParse({ ...defaultWheelModel, areas: defaultWheelModel.areas.slice(1) }).success).toBe(false);
    const scale = [...defaultWheelModel.scale].reverse();
    expect(WheelModelContent.safeParse({ ...defaultWheelModel, scale }).success).toBe(false);
  });

  it('describes and never grades: it has no total, level or target', () => {
    const keys = JSON.stringify(defaultWheelModel).match(/"(\w+)":/g) ?? [];
    for (const word of ['total', 'target', 'threshold', 'goal', 'level', 'weight']) expect(keys.join(' ')).not.toContain(`"${word}"`);
  });
});

describe('assessments', () => {
  it('accepts only ratings on the version’s own scale', () => {
    const narrow = { ...defaultWheelModel, scale: defaultWheelModel.scale.slice(0, 3) };
    const answers = [{ area: 'safe' as const, rating: 5, strengths: '', worries: '' }, { area: 'healthy' as const, rating: null, strengths: 'Sover bra', worries: '' }];
    expect(answerProblems(defaultWheelModel, answers)).toEqual([]);
    expect(answerProblems(narrow, answers)).toEqual([{ path: 'body.answers.0.rating', message: 'not_on_scale' }]);
  });

  it('takes the latest view of each respondent, by date and then by when it was recorded', () => {
    const a = (respondent: 'child' | 'professional', occurredOn: string, createdAt: string) => ({ respondent, occurredOn, createdAt });
    const latest = latestByRespondent([a('child', '2026-01-01', '2026-01-01T10:00:00Z'), a('child', '2026-03-01', '2026-03-01T09:00:00Z'), a('child', '2026-03-01', '2026-03-01T08:00:00Z'), a('professional', '2025-05-01', '2025-05-01T08:00:00Z')]);
    expect(latest.child?.createdAt).toBe('2026-03-01T09:00:00Z');
    expect(latest.professional?.occurredOn).toBe('2025-05-01');
    expect(latest.guardian).toBeUndefined();
  });

  it('follows one area over time for one respondent, leaving out unrated answers', () => {
    const row = (occurredOn: string, rating: number | null) => ({ respondent: 'child' as const, occurredOn, answers: [{ area: 'safe' as const, rating, strengths: '', worries: '' }] });
    expect(ratingsOverTime([row('2026-02-01', 4), row('2025-02-01', 2), row('2025-08-01', null)], 'safe', 'child')).toEqual([{ date: '2025-02-01', rating: 2 }, { date: '2026-02-01', rating: 4 }]);
  });
});

describe('the one-time code', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('is read back whatever the case, spaces and dashes', () => {
    expect(normalizeCode(' k7pm-q3xd ')).toBe('K7PMQ3XD');
    expect(formatCode('K7PMQ3XD')).toBe('K7PM-Q3XD');
    expect(isWellFormedCode('K7PMQ3XD')).toBe(true);
    expect(isWellFormedCode('K7PMQ3X0')).toBe(false);
  });

  it('opens once, before it expires; the opened form takes one answer while its time lasts', () => {
    expect(codeState({ expiresAt: new Date(now.getTime() + 1), openedAt: null }, now)).toBe('valid');
    expect(codeState({ expiresAt: now, openedAt: null }, now)).toBe('expired');
    expect(codeState({ expiresAt: new Date(now.getTime() + 60_000), openedAt: now }, now)).toBe('used');
    expect(formState({ formExpiresAt: new Date(now.getTime() + 60_000), submittedAt: null }, now)).toBe('valid');
    expect(formState({ formExpiresAt: new Date(now.getTime() + 60_000), submittedAt: now }, now)).toBe('used');
    expect(formState({ formExpiresAt: now, submittedAt: null }, now)).toBe('expired');
  });
});
