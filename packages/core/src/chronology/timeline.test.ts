import { describe, expect, it } from 'vitest';
import { denyReasons } from '../access/policy.ts';
import { ChronologyQuery, type ChronologyEvent } from './schema.ts';
import { countNotShown, facetsOf, latestAssessments, matchesFilters, notShownReasonOf, pageOf, sortEvents } from './timeline.ts';

const school = { id: '00000000-0000-4000-8000-000000000001', name: 'Förskola och skola' };
const health = { id: '00000000-0000-4000-8000-000000000002', name: 'Elevhälsans medicinska och psykologiska insats' };
const municipality = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Exempelstads kommun' };
const region = { id: '00000000-0000-4000-8000-0000000000a2', name: 'Region Exempellän' };
const model = '00000000-0000-4000-8000-0000000000f1';

function event(id: string, occurredOn: string, over: Partial<ChronologyEvent> = {}): ChronologyEvent {
  return { id, type: 'concern', change: 'recorded', occurredOn, at: `${occurredOn}T09:00:00.000Z`, organisation: municipality, secrecyDomain: school, by: 'Tove Lärare', basis: 'own_organisation', details: {}, ...over };
}

describe('what the chronology counts as not shown', () => {
  it('counts a refusal for want of consent or of an emergency ground, and nothing else', () => {
    expect(notShownReasonOf('no_consent_for_category')).toBe('no_consent');
    expect(notShownReasonOf('emergency_ground_does_not_cover')).toBe('emergency_ground');
    // The family is not told how much professionals write; an outsider is refused the whole read.
    expect(notShownReasonOf('not_shared_with_citizens')).toBeNull();
    for (const reason of denyReasons) expect([null, 'no_consent', 'emergency_ground']).toContain(notShownReasonOf(reason));
  });

  it('sums the counted reasons in a fixed order and leaves out the uncounted', () => {
    expect(countNotShown(['emergency_ground', null, 'no_consent', 'no_consent', null])).toEqual([{ reason: 'no_consent', count: 2 }, { reason: 'emergency_ground', count: 1 }]);
    expect(countNotShown([null, null])).toEqual([]);
  });
});

describe('filtering, sorting and paging', () => {
  const events = [
    event('a', '2026-01-10'),
    event('b', '2026-03-01', { type: 'wellbeing', secrecyDomain: health }),
    event('c', '2026-02-15', { type: 'consent', organisation: null, secrecyDomain: null }),
    event('d', '2026-03-01', { organisation: region, secrecyDomain: health, at: '2026-03-01T12:00:00.000Z' }),
  ];

  it('filters by organisation, secrecy domain, type and an inclusive period', () => {
    const ids = (f: Parameters<typeof matchesFilters>[1]) => events.filter((e) => matchesFilters(e, f)).map((e) => e.id);
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ organisation: region.id })).toEqual(['d']);
    expect(ids({ secrecyDomain: health.id })).toEqual(['b', 'd']);
    expect(ids({ types: ['wellbeing', 'consent'] })).toEqual(['b', 'c']);
    expect(ids({ from: '2026-02-15', to: '2026-03-01' })).toEqual(['b', 'c', 'd']);
    expect(ids({ to: '2026-02-14' })).toEqual(['a']);
  });

  it('sorts newest first by day, then by the instant, then by id; oldest reverses the order', () => {
    expect(sortEvents(events, 'newest').map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(sortEvents(events, 'oldest').map((e) => e.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('pages from 1, and a page past the end is empty', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2, 3], 3, 2)).toEqual([]);
  });

  it('offers the organisations, domains and types of the events shown, by name', () => {
    expect(facetsOf(events)).toEqual({ organisations: [municipality, region], secrecyDomains: [health, school], types: ['concern', 'consent', 'wellbeing'] });
  });

  it('refuses a period that ends before it begins, and an unknown type', () => {
    expect(ChronologyQuery.safeParse({ from: '2026-03-01', to: '2026-02-01' }).success).toBe(false);
    expect(ChronologyQuery.safeParse({ types: 'concern,horoscope' }).success).toBe(false);
    expect(ChronologyQuery.parse({ types: 'concern, wellbeing' })).toMatchObject({ types: ['concern', 'wellbeing'], order: 'newest', page: 1, pageSize: 20 });
  });
});

describe("the overview's wheel", () => {
  it('takes the latest assessment of each respondent, by day then by when recorded, in the respondents’ order', () => {
    const wheel = (id: string, respondent: 'professional' | 'child' | 'guardian', occurredOn: string, at = `${occurredOn}T09:00:00.000Z`) =>
      event(id, occurredOn, { type: 'wellbeing', at, details: { respondent, modelVersionId: model, areas: ['safe', 'healthy'], ratings: [4, null] } });
    const latest = latestAssessments([wheel('p1', 'professional', '2026-01-01'), wheel('g1', 'guardian', '2026-02-01'), wheel('p2', 'professional', '2026-03-01'), wheel('p3', 'professional', '2026-03-01', '2026-03-01T08:00:00.000Z'), event('x', '2026-04-01')]);
    expect(latest.map((a) => [a.id, a.respondent])).toEqual([['p2', 'professional'], ['g1', 'guardian']]);
    expect(latest[0]).toMatchObject({ ratings: [{ area: 'safe', rating: 4 }, { area: 'healthy', rating: null }], modelVersionId: model, secrecyDomainName: school.name, recordedBy: 'Tove Lärare' });
  });
});
