import { createInstance, type TFunction } from 'i18next';
import { runChartAnalysis, type SeriesView } from '@samsyn/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The texts format numbers through common/format.ts, whose i18n sets the page's `lang`, which Node has not.
vi.hoisted(() => Object.assign(globalThis, { document: { documentElement: {} } }));
import en from '../i18n/en.json' with { type: 'json' };
import sv from '../i18n/sv.json' with { type: 'json' };
import { changeText, intervalText, runChartText } from './changeText.ts';

const translators = {} as Record<'sv' | 'en', TFunction>;
beforeAll(async () => {
  for (const language of ['sv', 'en'] as const) {
    const i18n = createInstance();
    await i18n.init({ resources: { [language]: { translation: language === 'sv' ? sv : en } }, lng: language, interpolation: { escapeValue: false } });
    translators[language] = i18n.t;
  }
});

const localShare = { unit: 'percent', sourceKind: 'local' } as const;
const counted = { year: 2025, difference: 2.1, interval: { lower: 0.4, upper: 3.8, significant: true } };
const uncounted = { year: 2025, difference: -1.25, interval: null };

describe('a series’ change in words', () => {
  it('gives a share’s change in percentage points with Newcombe’s interval, in Swedish and English', () => {
    expect(changeText(counted, localShare, translators.sv, 'sv-SE')).toBe('+2,1 procentenheter (95 % KI 0,4–3,8)');
    expect(changeText(counted, localShare, translators.en, 'en-GB')).toBe('+2.1 percentage points (95 % CI 0.4–3.8)');
    expect(intervalText(counted, localShare, translators.sv, 'sv-SE')).toBe('0,4–3,8');
  });

  it('says why there is no interval: Kolada gives no counts, a year lacks its count, the figure is no share', () => {
    expect(changeText(uncounted, { unit: 'percent', sourceKind: 'kolada' }, translators.sv, 'sv-SE')).toBe('−1,3 procentenheter');
    expect(intervalText(uncounted, { unit: 'percent', sourceKind: 'kolada' }, translators.sv, 'sv-SE')).toBe('inget intervall: Kolada anger inte antalet');
    expect(intervalText(uncounted, { unit: 'percent', sourceKind: 'kolada' }, translators.en, 'en-GB')).toBe('no interval: Kolada gives no counts');
    expect(intervalText(uncounted, localShare, translators.sv, 'sv-SE')).toBe('inget intervall: antalet saknas för något av åren');
    expect(intervalText(uncounted, { unit: 'mean', sourceKind: 'local' }, translators.sv, 'sv-SE')).toBe('inget intervall: det ges bara för andelar');
    // A mean's change is in the indicator's own unit, with no unit word.
    expect(changeText(uncounted, { unit: 'mean', sourceKind: 'local' }, translators.sv, 'sv-SE')).toBe('−1,3');
  });
});

describe('the run-chart verdict in words', () => {
  const verdict = (values: number[], language: 'sv' | 'en' = 'sv') => runChartText(runChartAnalysis(values), translators[language], language === 'sv' ? 'sv-SE' : 'en-GB');

  it('draws no conclusion from fewer than ten useful points', () => {
    expect(verdict([60, 62.5, 63])).toBe('Seriereglerna (Anhøj): för få punkter för en slutsats, 2 av minst 10 som behövs.');
    expect(verdict([60, 62.5, 63], 'en')).toBe('Run-chart rules (Anhøj): too few points for a conclusion, 2 of the 10 needed.');
  });

  it('names a shift and too few crossings when the series leaves its median for good', () => {
    // Sixteen years, eight below the median and eight above: a run of 8 (more than 7) and 1 crossing (fewer than 4).
    const text = verdict([1, 2, 3, 4, 5, 6, 7, 8, 20, 21, 22, 23, 24, 25, 26, 27]);
    expect(text).toBe('Seriereglerna (Anhøj): signal om förskjutning. 8 år i följd ligger på samma sida om medianen 14,0, fler än de 7 som slumpen förklarar. Seriereglerna (Anhøj): signal om trend eller bestående förändring. Serien korsar medianen 14,0 bara 1 gång, färre än de 4 som slumpen ger.');
  });

  it('says chance alone when neither rule signals', () => {
    expect(verdict([1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3])).toBe('Seriereglerna (Anhøj): ingen signal. Variationen ryms inom slumpen (12 punkter; längsta följd 1 av högst 7; 11 korsningar av minst 3).');
  });

  it('names one rule alone when only it signals', () => {
    const base = runChartAnalysis([1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]);
    const shiftOnly: SeriesView['runChart'] = { ...base, longestRun: 8, runsSignal: true, signal: true };
    expect(runChartText(shiftOnly, translators.en, 'en-GB')).toBe('Run-chart rules (Anhøj): a shift. 8 years in a row lie on the same side of the median 2.0, more than the 7 chance explains.');
    const crossingsOnly: SeriesView['runChart'] = { ...base, crossings: 2, crossingsSignal: true, signal: true };
    expect(runChartText(crossingsOnly, translators.en, 'en-GB')).toMatch(/^Run-chart rules \(Anhøj\): a trend or a lasting change\. The series crosses the median 2\.0 only 2 times, fewer than the 3 chance gives\.$/);
  });
});
